import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Supervision, TaskDetail } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlan, buildRegionTree, buildTarget, buildTask, buildUser, unique } from '../../../test/factories';
import { verifyAuditChain } from '../audit/audit.service';

const t = await buildTestApp();
const { db } = t.handle;

let planId: string;
let bureau: string; // 市科技局: leads
let countyGovernment: string; // 甲县人民政府: takes part
let department: string; // 市经信局: takes part
let cityCookie: string;
let countyCookie: string;
let departmentCookie: string;
let tree: Awaited<ReturnType<typeof buildRegionTree>>;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  bureau = await buildOrganization(db, { name: unique('市科技局'), kind: 'department', regionId: tree.city.id });
  countyGovernment = await buildOrganization(db, { name: unique('甲县人民政府'), kind: 'county_government', regionId: tree.countyA.id });
  department = await buildOrganization(db, { name: unique('市经信局'), kind: 'department', regionId: tree.city.id });
  planId = await buildPlan(db, { regionId: tree.city.id });
  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id, organizationId: bureau })).username);
  // County staff act for their county's government by virtue of their region.
  countyCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);
  departmentCookie = await t.login(
    (await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId: department })).username,
  );
});

const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function createTask(extra: object = {}) {
  const response = await inject(cityCookie, 'POST', `/api/plans/${planId}/tasks`, {
    title: '布局建设市级重点实验室',
    content: '围绕全市“6+3”重点产业发展科技需求，择优组建市级重点实验室15家以上。',
    leadUnitIds: [bureau],
    participantUnitIds: [countyGovernment, department],
    deadline: '2099-12-31',
    deadlineText: '2099年12月前',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TaskDetail;
}

describe('task table', () => {
  it('records a task with its lead and participating units', async () => {
    const task = await createTask();
    expect(task).toMatchObject({ status: 'not_started', deadline: '2099-12-31', leadUnits: [{ id: bureau }], isLate: false });
    expect(task.participantUnits.map((u) => u.id).sort()).toEqual([countyGovernment, department].sort());
    expect(task.myUnits).toEqual([expect.objectContaining({ id: bureau, role: 'lead' })]);
  });

  it('refuses a unit that does not exist, naming the field', async () => {
    const response = await inject(cityCookie, 'POST', `/api/plans/${planId}/tasks`, {
      title: '任务',
      content: '内容',
      leadUnitIds: [crypto.randomUUID()],
      deadline: '2025-12-31',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'leadUnitIds' }] });
  });

  it('refuses a task with neither deadline nor recurrence, and a unit both leading and taking part', async () => {
    const none = await inject(cityCookie, 'POST', `/api/plans/${planId}/tasks`, { title: '任务', content: '内容', leadUnitIds: [bureau] });
    expect(none.statusCode).toBe(400);
    const both = await inject(cityCookie, 'POST', `/api/plans/${planId}/tasks`, {
      title: '任务',
      content: '内容',
      leadUnitIds: [bureau],
      participantUnitIds: [bureau],
      isRecurring: true,
    });
    expect(both.statusCode).toBe(400);
  });

  it('lets only the plan’s writers add tasks', async () => {
    const response = await inject(countyCookie, 'POST', `/api/plans/${planId}/tasks`, {
      title: '任务',
      content: '内容',
      leadUnitIds: [bureau],
      deadline: '2025-12-31',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('units within the actor’s scope', () => {
  async function countyPlan() {
    const countyPlanId = await buildPlan(db, { regionId: tree.countyA.id });
    const neighbour = await buildOrganization(db, { name: unique('乙县企业'), regionId: tree.countyB.id });
    const own = await buildOrganization(db, { name: unique('甲县企业'), regionId: tree.countyA.id });
    const neighbourCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id })).username);
    return { countyPlanId, neighbour, own, neighbourCookie };
  }
  const task = (leadUnitIds: string[], participantUnitIds: string[] = []) => ({
    title: '任务',
    content: '内容',
    leadUnitIds,
    participantUnitIds,
    deadline: '2099-12-31',
  });

  it('refuses a county user naming another county’s organisation as lead or participant, so that unit never sees the task', async () => {
    const { countyPlanId, neighbour, own, neighbourCookie } = await countyPlan();
    const asLead = await inject(countyCookie, 'POST', `/api/plans/${countyPlanId}/tasks`, task([neighbour]));
    expect(asLead.statusCode).toBe(400);
    expect(asLead.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'leadUnitIds' }] });
    const asParticipant = await inject(countyCookie, 'POST', `/api/plans/${countyPlanId}/tasks`, task([own], [neighbour]));
    expect(asParticipant.statusCode).toBe(400);
    expect(asParticipant.json()).toMatchObject({ details: [{ field: 'participantUnitIds' }] });
    // A city organisation lies above the county's scope too.
    expect((await inject(countyCookie, 'POST', `/api/plans/${countyPlanId}/tasks`, task([bureau]))).statusCode).toBe(400);
    const created = await inject(countyCookie, 'POST', `/api/plans/${countyPlanId}/tasks`, task([own]));
    expect(created.statusCode, created.body).toBe(200);
    const { id, version } = created.json() as TaskDetail;
    const relinked = await inject(countyCookie, 'PATCH', `/api/tasks/${id}`, { version, participantUnitIds: [neighbour] });
    expect(relinked.statusCode).toBe(400);
    expect((await inject(neighbourCookie, 'GET', '/api/tasks?limit=500')).json().items).not.toContainEqual(expect.objectContaining({ id }));
  });

  it('lets the city name any unit of the city, and a county keep editing a task that already names one', async () => {
    const { countyPlanId, neighbour, own } = await countyPlan();
    const created = await inject(cityCookie, 'POST', `/api/plans/${countyPlanId}/tasks`, task([own], [neighbour, bureau]));
    expect(created.statusCode, created.body).toBe(200);
    const { id, version } = created.json() as TaskDetail;
    const edited = await inject(countyCookie, 'PATCH', `/api/tasks/${id}`, { version, title: '任务（修订）' });
    expect(edited.statusCode, edited.body).toBe(200);
  });
});

describe('links to targets', () => {
  it('records a task with the targets it serves and reads them back, and relinks them on update', async () => {
    const labs = await buildTarget(db, { planId, kind: 'count', subject: unique('市级重点实验室15家以上'), sortOrder: 1 });
    const centres = await buildTarget(db, { planId, kind: 'count', subject: unique('市级工程技术研究中心25家以上'), sortOrder: 2 });
    const created = await createTask({ targetIds: [centres, labs] });
    expect(created.targets.map((target) => target.id)).toEqual([labs, centres]);

    const read = (await inject(cityCookie, 'GET', `/api/tasks/${created.id}`)).json() as TaskDetail;
    expect(read.targets).toEqual([
      { id: labs, subject: expect.stringContaining('市级重点实验室15家以上') },
      { id: centres, subject: expect.stringContaining('市级工程技术研究中心25家以上') },
    ]);
    const listed = (await inject(cityCookie, 'GET', `/api/tasks?planId=${planId}&limit=500`)).json() as { items: TaskDetail[] };
    expect(listed.items.find((task) => task.id === created.id)?.targets.map((target) => target.id)).toEqual([labs, centres]);

    const relinked = await inject(cityCookie, 'PATCH', `/api/tasks/${created.id}`, { targetIds: [centres], version: read.version });
    expect(relinked.statusCode, relinked.body).toBe(200);
    expect((relinked.json() as TaskDetail).targets.map((target) => target.id)).toEqual([centres]);
  });

  it('drops a deleted target from the tasks that served it', async () => {
    const target = await buildTarget(db, { planId, kind: 'count' });
    const task = await createTask({ targetIds: [target] });
    expect((await inject(cityCookie, 'DELETE', `/api/targets/${target}?version=1`)).statusCode).toBe(200);
    expect(((await inject(cityCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail).targets).toEqual([]);
  });

  it('refuses a target of another plan, of a plan outside the user’s scope, a deleted one or one that does not exist, naming targetIds', async () => {
    const otherPlan = await buildPlan(db, { regionId: tree.city.id });
    const ofOtherPlan = await buildTarget(db, { planId: otherPlan, kind: 'count' });
    const elsewhere = await buildRegionTree(db);
    const outOfScope = await buildTarget(db, { planId: await buildPlan(db, { regionId: elsewhere.city.id }), kind: 'count' });
    const deleted = await buildTarget(db, { planId, kind: 'count' });
    expect((await inject(cityCookie, 'DELETE', `/api/targets/${deleted}?version=1`)).statusCode).toBe(200);

    for (const targetId of [ofOtherPlan, outOfScope, deleted, crypto.randomUUID()]) {
      const response = await inject(cityCookie, 'POST', `/api/plans/${planId}/tasks`, {
        title: '任务',
        content: '内容',
        leadUnitIds: [bureau],
        deadline: '2099-12-31',
        targetIds: [targetId],
      });
      expect(response.statusCode, targetId).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining(targetId),
        details: [{ field: 'targetIds' }],
      });
    }
    // Nor may an update link one.
    const task = await createTask();
    const update = await inject(cityCookie, 'PATCH', `/api/tasks/${task.id}`, { targetIds: [ofOtherPlan], version: task.version });
    expect(update.statusCode).toBe(400);
    expect(update.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'targetIds' }] });
    expect(((await inject(cityCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail).targets).toEqual([]);
  });
});

describe('progress reports', () => {
  it('lets a participating county file a report that the lead unit sees, and starts the task', async () => {
    const task = await createTask();
    const filed = await inject(countyCookie, 'POST', `/api/tasks/${task.id}/reports`, { text: '已组建2家市级重点实验室', percent: 30 });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ unit: { id: countyGovernment, role: 'participant' }, percent: 30 });

    const leadView = (await inject(cityCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(leadView.status).toBe('in_progress');
    expect(leadView.reports.map((r) => [r.unit.id, r.text])).toEqual([[countyGovernment, '已组建2家市级重点实验室']]);
    // Another participant sees the task but only its own unit's reports.
    const otherParticipant = (await inject(departmentCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(otherParticipant.reports).toEqual([]);
    expect(otherParticipant.myUnits).toEqual([expect.objectContaining({ id: department, role: 'participant' })]);
  });

  it('hides tasks of units a county does not act for', async () => {
    const taskId = await buildTask(db, { planId, leadUnitIds: [bureau], participantUnitIds: [department] });
    expect((await inject(countyCookie, 'GET', `/api/tasks/${taskId}`)).statusCode).toBe(404);
    expect((await inject(countyCookie, 'POST', `/api/tasks/${taskId}/reports`, { text: '进展', percent: 10 })).statusCode).toBe(404);
    const mine = (await inject(countyCookie, 'GET', '/api/tasks?limit=500')).json() as { items: { id: string }[] };
    expect(mine.items.map((task) => task.id)).not.toContain(taskId);
  });

  it("refuses a report below the unit's latest unless the decrease is confirmed, and audits the correction", async () => {
    const task = await createTask();
    const file = (payload: object) => inject(countyCookie, 'POST', `/api/tasks/${task.id}/reports`, payload);
    expect((await file({ text: '完成四成', percent: 40 })).statusCode).toBe(200);
    expect((await file({ text: '完成六成', percent: 60 })).statusCode).toBe(200);
    const rolledBack = await file({ text: '表单沿用旧进度', percent: 40 });
    expect(rolledBack.statusCode).toBe(422);
    expect(rolledBack.json()).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: 'percent' }] });
    expect(rolledBack.json().message).toContain('60%');
    // The same figure again is no decrease; another unit's lower figure is not compared with this unit's.
    expect((await file({ text: '持平', percent: 60 })).statusCode).toBe(200);
    expect((await inject(cityCookie, 'POST', `/api/tasks/${task.id}/reports`, { text: '牵头单位', percent: 10 })).statusCode).toBe(200);
    const corrected = await file({ text: '更正：此前多报', percent: 50, confirmDecrease: true });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const lead = (await inject(cityCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(lead.reports.filter((report) => report.unit.id === countyGovernment).map((report) => report.percent)).toEqual([50, 60, 60, 40]);
    const result = await db.execute(
      sql`select after from audit_log where action = 'task.report' and object_id = ${task.id} order by seq desc limit 1`,
    );
    const [audit] = (result as unknown as { rows: { after: { percent: number; decreasedFrom?: number } }[] }).rows;
    expect(audit?.after).toMatchObject({ percent: 50, decreasedFrom: 60 });
  });

  it('completes a task when its lead reports 100 %, and makes a recurring one 持续', async () => {
    const task = await createTask();
    await inject(cityCookie, 'POST', `/api/tasks/${task.id}/reports`, { text: '已完成', percent: 100 });
    expect(((await inject(cityCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail).status).toBe('done');

    const recurring = await createTask({ deadline: null, isRecurring: true, recurrenceText: '持续推进' });
    await inject(cityCookie, 'POST', `/api/tasks/${recurring.id}/reports`, { text: '培育库已建立并动态更新', percent: 100 });
    expect(((await inject(cityCookie, 'GET', `/api/tasks/${recurring.id}`)).json() as TaskDetail).status).toBe('ongoing');
  });

  it('keeps attachments with a report and hands them back to the lead unit', async () => {
    const task = await createTask();
    const report = (await inject(countyCookie, 'POST', `/api/tasks/${task.id}/reports`, { text: '附认定文件', percent: 50 })).json();
    const boundary = '----stip-test';
    const content = '%PDF-1.4 认定文件';
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/task-reports/${report.id}/attachments`,
      headers: { cookie: countyCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="认定文件.pdf"\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json()).toMatchObject({ fileName: '认定文件.pdf', mimeType: 'application/pdf', size: Buffer.byteLength(content) });

    const leadView = (await inject(cityCookie, 'GET', `/api/tasks/${task.id}`)).json() as TaskDetail;
    const attachment = leadView.reports[0]!.attachments[0]!;
    const download = await inject(cityCookie, 'GET', `/api/task-reports/${report.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body).toBe(content);
    // The other participant may not read the county's report, nor its files.
    expect((await inject(departmentCookie, 'GET', `/api/task-reports/${report.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
  });

  it('stores an attachment under its bare name and the type its bytes show, not the type the client claims', async () => {
    const task = await createTask();
    const report = (await inject(countyCookie, 'POST', `/api/tasks/${task.id}/reports`, { text: '附件', percent: 20 })).json();
    const boundary = '----stip-test';
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/task-reports/${report.id}/attachments`,
      headers: { cookie: countyCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../公示.html"\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json()).toMatchObject({ fileName: '公示.html', mimeType: 'text/plain; charset=utf-8' });
  });

  it('refuses an upload that is not multipart, with a 400', async () => {
    const task = await createTask();
    const report = (await inject(countyCookie, 'POST', `/api/tasks/${task.id}/reports`, { text: '进展', percent: 10 })).json();
    const response = await inject(countyCookie, 'POST', `/api/task-reports/${report.id}/attachments`, { file: 'x' });
    expect(response.statusCode).toBe(400);
  });
});

describe('task status', () => {
  it('lets the lead unit change the status, not a participant, and only along the state machine', async () => {
    const task = await createTask();
    const participant = await inject(countyCookie, 'POST', `/api/tasks/${task.id}/status`, { status: 'done', version: task.version });
    expect(participant.statusCode).toBe(403);
    const notRecurring = await inject(cityCookie, 'POST', `/api/tasks/${task.id}/status`, { status: 'ongoing', version: task.version });
    expect(notRecurring.statusCode).toBe(422);
    const byHand = await inject(cityCookie, 'POST', `/api/tasks/${task.id}/status`, { status: 'overdue', version: task.version });
    expect(byHand.statusCode).toBe(422);
    const done = await inject(cityCookie, 'POST', `/api/tasks/${task.id}/status`, { status: 'done', version: task.version });
    expect(done.statusCode).toBe(200);
    const stale = await inject(cityCookie, 'POST', `/api/tasks/${task.id}/status`, { status: 'in_progress', version: task.version });
    expect(stale.statusCode).toBe(409);
  });

  it('lifts 逾期 when the deadline is moved to a day not yet past', async () => {
    const taskId = await buildTask(db, { planId, leadUnitIds: [bureau], deadline: '2022-12-31', status: 'overdue' });
    const before = (await inject(cityCookie, 'GET', `/api/tasks/${taskId}`)).json() as TaskDetail;
    expect(before.isLate).toBe(true);
    const moved = await inject(cityCookie, 'PATCH', `/api/tasks/${taskId}`, { deadline: '2099-12-31', version: before.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'not_started', isLate: false });
  });
});

describe('supervision (督查)', () => {
  it('lists per unit its tasks, late ones first, and exports them to Excel', async () => {
    const late = await buildTask(db, { planId, title: '逾期任务', leadUnitIds: [department], deadline: '2022-06-30', status: 'overdue' });
    await buildTask(db, { planId, title: '未到期任务', leadUnitIds: [department], deadline: '2099-06-30' });
    const response = await inject(cityCookie, 'GET', `/api/tasks/supervision?planId=${planId}&asOf=2024-01-01`);
    expect(response.statusCode).toBe(200);
    const supervision = response.json() as Supervision;
    const unit = supervision.items.find((item) => item.unit.id === department)!;
    expect(unit.tasks[0]).toMatchObject({ id: late, isLate: true, daysLate: 550 });
    expect(unit.late).toBeGreaterThanOrEqual(1);
    // Units with late tasks come first.
    const lateCounts = supervision.items.map((item) => item.late);
    expect([...lateCounts].sort((a, b) => b - a)).toEqual(lateCounts);

    // A participant's user sees only its own unit's line.
    const own = (await inject(departmentCookie, 'GET', `/api/tasks/supervision?planId=${planId}`)).json() as Supervision;
    expect(own.items.map((item) => item.unit.id)).toEqual([department]);

    const workbook = await inject(cityCookie, 'GET', `/api/tasks/supervision.xlsx?planId=${planId}`);
    expect(workbook.statusCode).toBe(200);
    expect(workbook.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

it('writes every change into an intact audit chain', async () => {
  expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
});
