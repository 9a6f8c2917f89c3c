/** The todos module's public entry: 我的待办, gathered from the modules that give people work. */
export { todoRoutes } from './todos.routes';
