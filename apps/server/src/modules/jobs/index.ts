/** The jobs module's public entry: what other modules, the app and the seed may use. */
export { startJobScheduler } from './jobs.scheduler';
export { runDailyJobs } from './jobs.service';
