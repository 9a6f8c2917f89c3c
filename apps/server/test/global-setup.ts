import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb } from '../src/db/client';

/**
 * With TEST_DATABASE_URL set, migrates a template database once; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), so files run in parallel on fresh databases without cleanup.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `stip_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const handle = await createDb({ url: templateUrl.toString() });
  await handle.migrate();
  await handle.close();
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | undefined;
  }
}
