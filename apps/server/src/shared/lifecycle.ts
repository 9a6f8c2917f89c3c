/**
 * One form for every lifecycle (platforms, tasks, and the calls, applications, reviews and
 * evaluations to come): a list of states with their labels and a table of transitions, each from
 * some states to one, taken by some movers (a user's explicit action, a job, …) and perhaps guarded
 * by a rule on the record's facts. The services ask the table; docs/LIFECYCLES.md is rendered from
 * it (scripts/lifecycles.ts), so the diagram cannot drift from the code.
 */
export interface Transition<State extends string, Mover extends string, Facts, Action extends string = string> {
  /** The explicit action's name, when the move is one (platforms); tasks' moves are named by their target state. */
  action?: Action;
  from: readonly State[];
  to: State;
  by: readonly Mover[];
  /** Why the move is refused on these facts, or null when it is allowed. */
  guard?: (facts: Facts, today: string) => string | null;
}

export interface Lifecycle<State extends string, Mover extends string, Facts, Action extends string = string> {
  /** The heading of its section in docs/LIFECYCLES.md. */
  title: string;
  states: readonly State[];
  stateLabels: Record<State, string>;
  actionLabels?: Record<Action, string>;
  moverLabels: Record<Mover, string>;
  transitions: readonly Transition<State, Mover, Facts, Action>[];
}

/** Declares a lifecycle; checks once, at load, that every transition names only declared states. */
export function defineLifecycle<State extends string, Mover extends string, Facts, Action extends string = string>(
  lifecycle: Lifecycle<State, Mover, Facts, Action>,
): Lifecycle<State, Mover, Facts, Action> {
  for (const transition of lifecycle.transitions) {
    for (const state of [...transition.from, transition.to]) {
      if (!lifecycle.states.includes(state)) throw new Error(`${lifecycle.title}: transition names undeclared state ${state}`);
    }
  }
  return lifecycle;
}

/** The transitions out of `from` a mover may take (guards not yet applied). */
export function transitionsFrom<State extends string, Mover extends string, Facts, Action extends string>(
  lifecycle: Lifecycle<State, Mover, Facts, Action>,
  from: State,
  by: Mover,
): Transition<State, Mover, Facts, Action>[] {
  return lifecycle.transitions.filter((t) => t.from.includes(from) && t.by.includes(by));
}

/** The lifecycle as a Mermaid state diagram: one edge per (from, to) with its action (or movers) and `[guarded]`. */
export function toMermaid<State extends string, Mover extends string, Facts, Action extends string>(
  lifecycle: Lifecycle<State, Mover, Facts, Action>,
): string {
  const lines = ['stateDiagram-v2'];
  for (const state of lifecycle.states) lines.push(`  ${state}: ${lifecycle.stateLabels[state]}`);
  for (const transition of lifecycle.transitions) {
    const movers = transition.by.map((mover) => lifecycle.moverLabels[mover]).join('、');
    const name = transition.action && lifecycle.actionLabels ? `${lifecycle.actionLabels[transition.action]}（${movers}）` : movers;
    for (const from of transition.from) {
      lines.push(`  ${from} --> ${transition.to}: ${name}${transition.guard ? ' [有条件]' : ''}`);
    }
  }
  return lines.join('\n');
}
