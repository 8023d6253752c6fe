import { evaluateGates } from '../../../shared/governance/gates';
import type { HandlerMap } from '../context';
import { briefHtml, briefMarkdown } from '../governance/brief';
import { buildDashboard } from '../governance/dashboard';
import { lifecycleFacts } from '../governance/lifecycle-facts';
import { buildTimeline } from '../governance/timeline';

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';

export const governanceHandlers = {
  'objective.get': (_args, ctx) => ctx.session.require().store.objective.current(),
  'objective.set': (args, ctx) => ctx.session.require().store.objective.save(args.objective, ctx.identity, args.note),
  'objective.history': (_args, ctx) => ctx.session.require().store.objective.history(),

  'policy.get': (_args, ctx) => ctx.session.require().store.policy.current(),
  'policy.set': (args, ctx) => ctx.session.require().store.policy.save(args.policy, ctx.identity, args.note),
  'policy.history': (_args, ctx) => ctx.session.require().store.policy.history(),

  'people.list': (_args, ctx) => ctx.session.require().store.people.list(),
  'people.save': (args, ctx) => ctx.session.require().store.people.save(args.person, ctx.identity),
  'people.remove': (args, ctx) => {
    ctx.session.require().store.people.remove(args.id, ctx.identity);
    return null;
  },

  'decisions.add': (args, ctx) => ctx.session.require().store.decisions.add(args.decision, ctx.identity),
  'decisions.list': (args, ctx) => ctx.session.require().store.decisions.list(args.limit),

  'governance.timeline': (args, ctx) => buildTimeline(ctx.session.require().store, args.limit),
  'governance.evaluateGates': (args, ctx) => {
    const { store } = ctx.session.require();
    return evaluateGates(store.objective.current().value, store.policy.current().value, args.evidence);
  },

  'project.dashboard': (_args, ctx) => {
    const { store } = ctx.session.require();
    return buildDashboard({ objective: store.objective.current().value, people: store.people.list(), facts: lifecycleFacts(store) });
  },
  'project.brief': (args, ctx) => {
    const { store } = ctx.session.require();
    const objective = store.objective.current();
    const input = {
      project: store.summary(),
      objective: objective.value,
      objectiveVersion: objective.version,
      policy: store.policy.current().value,
      people: store.people.list(),
      timeline: buildTimeline(store, 500),
      generatedAt: new Date().toISOString(),
      generatedBy: ctx.identity,
    };
    const name = slug(input.project.name);
    return args.format === 'html'
      ? { filename: `${name}-brief.html`, mediaType: 'text/html', content: briefHtml(input) }
      : { filename: `${name}-brief.md`, mediaType: 'text/markdown', content: briefMarkdown(input) };
  },
} satisfies Partial<HandlerMap>;
