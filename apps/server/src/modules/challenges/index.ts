/** The challenges module's public entry (揭榜挂帅): what other modules, the app, the portal and the seed may use. */
export { challengeApplicationLifecycle, challengeLifecycle } from './challenges.lifecycle';
export { challengeRoutes } from './challenges.routes';
export {
  addMilestone,
  applyToChallenge,
  completeMilestone,
  countOpenChallengesForPublic,
  createChallenge,
  findOpenChallengesForPublic,
  findPublicChallengeOfDemand,
  getPublicChallenge,
  selectApplication,
  transitionChallenge,
} from './challenges.service';
export { findTodos } from './challenges.todos';
