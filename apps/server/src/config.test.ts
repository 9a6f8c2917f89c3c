import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, repositoryRoot } from './config';

describe('configuration', () => {
  it('takes the defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dbPoolSize: 10,
      dataDir: path.join(repositoryRoot, 'data'),
      port: 3000,
      host: '127.0.0.1',
      demo: true,
      trustProxy: false,
      logLevel: 'info',
      jobs: true,
      cookieSecure: 'auto',
      publicOrigins: [],
      hsts: false,
      sessionMaxHours: 12,
      publicSearchPerMinute: 60,
      warnings: [],
    });
  });

  it('listens on this machine only while demo data is served, unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ STIP_DEMO: 'off' }).host).toBe('0.0.0.0');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readConfig({ STIP_DEMO: 'off', HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });

  it('reads on/off settings in any of their spellings', () => {
    expect(readConfig({ JOBS: 'off', STIP_DEMO: 'No', HSTS: 'ON' })).toMatchObject({ jobs: false, demo: false, hsts: true });
    expect(readConfig({ JOBS: '0', HSTS: 'true' })).toMatchObject({ jobs: false, hsts: true });
  });

  it('stops with a message naming each bad variable', () => {
    const read = () => readConfig({ PORT: '70000', JOBS: 'maybe', DB_POOL_SIZE: 'lots', LOG_LEVEL: 'loud', SESSION_MAX_HOURS: '0' });
    expect(read).toThrow(ConfigError);
    try {
      read();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'JOBS', 'DB_POOL_SIZE', 'LOG_LEVEL', 'SESSION_MAX_HOURS']) expect(message).toContain(name);
    }
  });

  it('refuses a database address that is not PostgreSQL', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://localhost/stip' })).toThrow(/DATABASE_URL/);
    expect(readConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses, never as trust-everyone', () => {
    expect(readConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: '1000' })).toThrow(/TRUST_PROXY/);
  });

  it('maps the old TRUST_PROXY=on to one hop, with a warning', () => {
    const config = readConfig({ TRUST_PROXY: 'on' });
    expect(config.trustProxy).toBe(1);
    expect(config.warnings).toEqual([expect.stringContaining('TRUST_PROXY')]);
  });

  it('reads COOKIE_SECURE as on, off or auto', () => {
    expect(readConfig({ COOKIE_SECURE: 'on' }).cookieSecure).toBe(true);
    expect(readConfig({ COOKIE_SECURE: 'off' }).cookieSecure).toBe(false);
    expect(readConfig({ COOKIE_SECURE: 'auto' }).cookieSecure).toBe('auto');
    expect(() => readConfig({ COOKIE_SECURE: 'always' })).toThrow(/COOKIE_SECURE/);
  });

  it('reads PUBLIC_ORIGIN as a list of origins and refuses anything else', () => {
    expect(readConfig({ PUBLIC_ORIGIN: 'https://stip.example.cn/, http://10.1.2.3:3000' }).publicOrigins).toEqual([
      'https://stip.example.cn',
      'http://10.1.2.3:3000',
    ]);
    expect(() => readConfig({ PUBLIC_ORIGIN: 'stip.example.cn' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => readConfig({ PUBLIC_ORIGIN: 'ftp://stip.example.cn' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('reads DB_POOL_SIZE and SESSION_MAX_HOURS as bounded whole numbers', () => {
    expect(readConfig({ DB_POOL_SIZE: '25', SESSION_MAX_HOURS: '8' })).toMatchObject({ dbPoolSize: 25, sessionMaxHours: 8 });
    expect(() => readConfig({ DB_POOL_SIZE: '2.5' })).toThrow(/DB_POOL_SIZE/);
  });

  it('reads READ_CACHE_MB as a whole number from 0 (off) to 4096, and refuses anything else naming the variable', () => {
    expect(readConfig({}).readCacheMb).toBe(32);
    expect(readConfig({ READ_CACHE_MB: '0' }).readCacheMb).toBe(0);
    expect(readConfig({ READ_CACHE_MB: ' 128 ' }).readCacheMb).toBe(128);
    for (const bad of ['abc', '-1', '1.5', '4097']) {
      expect(() => readConfig({ READ_CACHE_MB: bad }), bad).toThrow(`READ_CACHE_MB: 应为 0–4096 之间的整数，而不是 "${bad}"`);
    }
  });

  it('reads PUBLIC_SEARCH_PER_MINUTE as a whole number of at least 1, and refuses anything else naming the variable', () => {
    expect(readConfig({ PUBLIC_SEARCH_PER_MINUTE: '120' }).publicSearchPerMinute).toBe(120);
    expect(readConfig({ PUBLIC_SEARCH_PER_MINUTE: ' 5 ' }).publicSearchPerMinute).toBe(5);
    expect(readConfig({ PUBLIC_SEARCH_PER_MINUTE: '' }).publicSearchPerMinute).toBe(60);
    for (const bad of ['abc', '0', '-5', '2.5', '100001']) {
      expect(() => readConfig({ PUBLIC_SEARCH_PER_MINUTE: bad }), bad).toThrow(ConfigError);
      expect(() => readConfig({ PUBLIC_SEARCH_PER_MINUTE: bad }), bad).toThrow(
        `PUBLIC_SEARCH_PER_MINUTE: 应为 1–100000 之间的整数，而不是 "${bad}"`,
      );
    }
  });
});
