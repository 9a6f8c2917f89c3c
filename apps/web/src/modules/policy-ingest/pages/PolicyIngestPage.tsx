import '../policy-ingest.css';
import { FolderOpenOutlined, ReloadOutlined } from '@ant-design/icons';
import type { IngestProposal } from '@stip/contracts';
import { Alert, Button, Card, Col, Flex, Row, Space, Steps, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { PlanMetaForm } from '../components/PlanMetaForm';
import { type SourceItem, SourceTextPane } from '../components/SourceTextPane';
import { TargetsTable } from '../components/TargetsTable';
import { TasksTable } from '../components/TasksTable';
import { UnitsTable } from '../components/UnitsTable';
import { UploadStep } from '../components/UploadStep';
import {
  blankTarget,
  blankTask,
  blankUnit,
  confirmationOf,
  type Draft,
  type DraftPlan,
  type DraftTask,
  draftOf,
  unitNamesOf,
} from '../draft';
import { useConfirmProposal, useExtractProposal, useOpenedDocument } from '../hooks/usePolicyIngest';

const text = t.ingest;
type TabKey = 'targets' | 'tasks' | 'units';

/**
 * 导入政策文件: read a plan document (upload or paste, with its date), review the proposed targets and
 * tasks beside the highlighted source text — edit, drop, add, map each target to what it counts and
 * each unit name to an organisation — then confirm, and open the new plan.
 */
export default function PolicyIngestPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const extract = useExtractProposal();
  const confirm = useConfirmProposal();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focus, setFocus] = useState<{ key: string; seq: number } | null>(null);
  const [tab, setTab] = useState<TabKey>('targets');
  const [problems, setProblems] = useState<string[]>([]);
  /** The library record the reviewed document is kept in (linked to the plan on confirmation). */
  const [kept, setKept] = useState<{
    document: NonNullable<IngestProposal['document']>;
    fileName: string | null;
    fromLibrary: boolean;
  } | null>(null);
  // 政策文件库 → 打开: the stored reading of a kept document, reviewed again without uploading.
  const [searchParams, setSearchParams] = useSearchParams();
  const opened = useOpenedDocument(searchParams.get('document') ?? undefined);

  const start = useCallback((proposal: IngestProposal, fromLibrary = false) => {
    setDraft(draftOf(proposal));
    setKept(proposal.document ? { document: proposal.document, fileName: proposal.fileName, fromLibrary } : null);
    setFocus(null);
    setTab('targets');
    setProblems([]);
  }, []);

  useEffect(() => {
    if (!opened.data) return;
    start(opened.data, true);
    setSearchParams({}, { replace: true });
  }, [opened.data, start, setSearchParams]);

  const focusOn = useCallback(
    (key: string) => setFocus((previous) => (previous?.key === key ? previous : { key, seq: (previous?.seq ?? 0) + 1 })),
    [],
  );

  const items = useMemo<SourceItem[]>(
    () =>
      draft
        ? [
            ...draft.tasks.map((task) => ({ key: task.key, span: task.span, kind: 'task' as const })),
            ...draft.targets.map((target) => ({ key: target.key, span: target.span, kind: 'target' as const })),
          ]
        : [],
    [draft],
  );

  const update = (change: (current: Draft) => Draft) => {
    setDraft((current) => (current ? change(current) : current));
    setProblems([]);
  };

  /** A task edit may bring in unit names nobody mapped yet: they join the unit table, to be picked. */
  const changeTask = (key: string, next: DraftTask) =>
    update((current) => {
      const units = { ...current.units };
      for (const name of [...next.lead, ...next.participants]) units[name] ??= blankUnit(name);
      return { ...current, units, tasks: current.tasks.map((task) => (task.key === key ? next : task)) };
    });

  const changePlan = (patch: Partial<DraftPlan>) => update((current) => ({ ...current, plan: { ...current.plan, ...patch } }));

  /** A click on a highlighted phrase opens the item it belongs to (the innermost one). */
  const pick = (keys: string[]) => {
    const key = keys[0];
    if (!key || !draft) return;
    setTab(draft.targets.some((target) => target.key === key) ? 'targets' : 'tasks');
    setFocus((previous) => ({ key, seq: (previous?.seq ?? 0) + 1 }));
    window.setTimeout(() => document.querySelector(`[data-row-key="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'nearest' }), 50);
  };

  const submit = () => {
    if (!draft) return;
    const plan = draft.plan;
    const missing = [
      !plan.title.trim() ? t.common.required(t.plans.fields.title) : null,
      !plan.periodStart || !plan.periodEnd ? t.common.required(t.plans.fields.period) : null,
      !plan.regionId ? t.common.requiredSelect(t.plans.fields.region) : null,
    ].filter((problem): problem is string => !!problem);
    if (missing.length) {
      setProblems(missing);
      return;
    }
    const confirmation = confirmationOf(draft, {
      title: plan.title.trim(),
      issuingBody: plan.issuingBody.trim(),
      documentNo: plan.documentNo.trim(),
      issuedOn: plan.issuedOn,
      periodStart: plan.periodStart!,
      periodEnd: plan.periodEnd!,
      regionId: plan.regionId!,
    });
    if (!confirmation.body) {
      setProblems(confirmation.problems);
      return;
    }
    confirm.mutate(kept ? { ...confirmation.body, documentId: kept.document.id } : confirmation.body, {
      onSuccess: (created) => {
        notify.success(text.confirm.done);
        navigate(`/plans/${created.id}`);
      },
      onError: (error) => {
        // The server names the item it refused ("第4项任务：…"); it stays on screen while the reviewer fixes it.
        setProblems([errorMessage(error)]);
        notify.error(error);
      },
    });
  };

  const unitNames = draft ? unitNamesOf(draft.tasks) : [];
  const newUnits = draft
    ? new Set(unitNames.filter((name) => draft.units[name]?.action === 'create').map((name) => draft.units[name]!.newName.trim())).size
    : 0;

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Space>
            <Button icon={<FolderOpenOutlined />} onClick={() => navigate('/plans/documents')} data-testid="ingest-library">
              {t.policyDocuments.goLibrary}
            </Button>
            {draft ? (
              <Button icon={<ReloadOutlined />} onClick={() => setDraft(null)} data-testid="ingest-restart">
                {text.review.restart}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Steps
        size="small"
        current={draft ? 1 : 0}
        items={[{ title: text.steps.upload }, { title: text.steps.review }, { title: text.steps.done }]}
        style={{ marginBottom: 16, maxWidth: 720 }}
      />
      {!draft ? (
        <UploadStep
          onExtract={(input) => extract.mutate(input, { onSuccess: (proposal) => start(proposal) })}
          isExtracting={extract.isPending || opened.isFetching}
          error={extract.error ?? opened.error}
        />
      ) : (
        <>
          {kept?.document.isReopened ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="ingest-reopened"
              message={
                <span>
                  {kept.fromLibrary
                    ? t.policyDocuments.openedFromLibrary(kept.fileName ?? t.policyDocuments.pasted)
                    : t.policyDocuments.reopened}{' '}
                  <Link to="/plans/documents">{t.policyDocuments.goLibrary}</Link>
                </span>
              }
              description={kept.document.isOutdated ? t.policyDocuments.outdatedHint(kept.document.extractorVersion) : undefined}
            />
          ) : null}
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={text.review.summary(draft.targets.length, draft.tasks.length, unitNames.length)}
            data-testid="ingest-summary"
          />
          <PlanMetaForm plan={draft.plan} onChange={changePlan} />
          <Row gutter={12} wrap={false}>
            <Col flex="0 0 36%" style={{ minWidth: 0 }}>
              <div className="stip-ingest-sticky">
                <SourceTextPane text={draft.text} items={items} focus={focus} onPick={pick} />
              </div>
            </Col>
            <Col flex="1 1 64%" style={{ minWidth: 0 }}>
              <Card size="small" styles={{ body: { paddingTop: 0 } }}>
                <Tabs
                  activeKey={tab}
                  onChange={(key) => setTab(key as TabKey)}
                  items={[
                    {
                      key: 'targets',
                      label: text.review.targets(draft.targets.length),
                      children: (
                        <TargetsTable
                          targets={draft.targets}
                          focusKey={focus?.key ?? null}
                          onChange={(key, next) =>
                            update((current) => ({
                              ...current,
                              targets: current.targets.map((target) => (target.key === key ? next : target)),
                            }))
                          }
                          onDrop={(key) =>
                            update((current) => ({ ...current, targets: current.targets.filter((target) => target.key !== key) }))
                          }
                          onAdd={() => update((current) => ({ ...current, targets: [...current.targets, blankTarget()] }))}
                          onFocus={focusOn}
                        />
                      ),
                    },
                    {
                      key: 'tasks',
                      label: <span data-testid="ingest-tab-tasks">{text.review.tasks(draft.tasks.length)}</span>,
                      children: (
                        <TasksTable
                          tasks={draft.tasks}
                          units={draft.units}
                          focusKey={focus?.key ?? null}
                          onChange={changeTask}
                          onDrop={(key) => update((current) => ({ ...current, tasks: current.tasks.filter((task) => task.key !== key) }))}
                          onAdd={() => update((current) => ({ ...current, tasks: [...current.tasks, blankTask()] }))}
                          onFocus={focusOn}
                        />
                      ),
                    },
                    {
                      key: 'units',
                      label: <span data-testid="ingest-tab-units">{text.review.units(unitNames.length)}</span>,
                      children: (
                        <UnitsTable
                          names={unitNames}
                          units={draft.units}
                          onChange={(name, next) => update((current) => ({ ...current, units: { ...current.units, [name]: next } }))}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginTop: 12 }}>
            {problems.length ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={text.confirm.problemsTitle}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {problems.slice(0, 12).map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                }
                data-testid="ingest-problems"
              />
            ) : null}
            <Flex justify="space-between" align="center" gap={12} wrap>
              <Typography.Text>{text.confirm.summary(draft.targets.length, draft.tasks.length, newUnits)}</Typography.Text>
              <Button type="primary" size="large" onClick={submit} loading={confirm.isPending} data-testid="ingest-confirm">
                {text.confirm.button}
              </Button>
            </Flex>
          </Card>
        </>
      )}
    </>
  );
}
