// The meeting lifecycle as a JavaScript developer would model it without chibo: XState v5
// machines for meetings (draft → adopted → assigned → reported → inspected) and tasks (assigned →
// done / unfinished / cancelled / carried over; a report sent back reopens the task), with the few
// guards such a model would carry (the notice and documents before the vote, a majority of the
// members present, every task reported before closing), fed the same commands as the wasm
// package. A baseline for the benchmark only: it
// checks far less than the library (no roles, no deadlines, no counted base, no hash chain), so
// the ratio measured against it understates what the library does for its time.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../bindings-wasm/package.json', import.meta.url));
const { assign, createActor, setup } = require('xstate');

const meetingMachine = setup({
  guards: {
    prepared: ({ context }) => context.notice && context.documents,
    majority: ({ event }) => 2 * event.yes > event.present,
    everyTaskReported: ({ context }) => context.open === 0,
  },
}).createMachine({
  id: 'meeting',
  initial: 'draft',
  context: ({ input }) => ({ ...input, notice: false, documents: false, prepared: false, open: 0 }),
  states: {
    draft: {
      on: {
        REVISE: { actions: assign({ notice: false }) },
        PREPARE: { actions: assign({ prepared: true }) },
        NOTICE: { actions: assign({ notice: true }) },
        DOCUMENTS: { actions: assign({ documents: true }) },
        RECORD: { target: 'adopted', guard: { type: 'majority' } },
      },
    },
    adopted: {
      on: { ASSIGN: { target: 'assigned', actions: assign({ open: ({ event }) => event.tasks }) } },
    },
    assigned: {
      on: {
        TASK_SETTLED: { actions: assign({ open: ({ context }) => context.open - 1 }) },
        TASK_REOPENED: { actions: assign({ open: ({ context }) => context.open + 1 }) },
        CLOSE: { target: 'reported', guard: { type: 'everyTaskReported' } },
      },
    },
    reported: { on: { CONCLUDE: 'inspected' } },
    inspected: { type: 'final' },
  },
});

const taskMachine = setup({}).createMachine({
  id: 'task',
  initial: 'assigned',
  states: {
    assigned: {
      on: {
        REPORT: [
          { target: 'unfinished', guard: ({ event }) => event.notDone },
          { target: 'done' },
        ],
        CARRY: 'unfinished',
        CANCEL: 'cancelled',
      },
    },
    unfinished: {
      on: { CARRY: 'unfinished', CANCEL: 'cancelled', CARRY_ON: 'carriedOver', SEND_BACK: 'assigned' },
    },
    done: { on: { SEND_BACK: 'assigned' } },
    carriedOver: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/** A commune as XState actors: one per meeting and one per task. */
export class XStateCommune {
  constructor() {
    this.meetings = new Map();
    this.tasks = new Map();
    this.taskMeeting = new Map();
    this.inspections = new Map();
    this.refused = 0;
  }

  send(actor, event) {
    const before = actor.getSnapshot();
    actor.send(event);
    if (actor.getSnapshot() === before) this.refused += 1;
  }

  /** Applies one chibo command (the same JSON the wasm package gets). */
  execute(command) {
    const [name, p] = Object.entries(command.action)[0];
    switch (name) {
      case 'draft_meeting': {
        const actor = createActor(meetingMachine, { input: { id: p.meeting, cell: p.cell } });
        actor.start();
        this.meetings.set(p.meeting, actor);
        break;
      }
      case 'revise_draft': this.send(this.meetings.get(p.meeting), { type: 'REVISE' }); break;
      case 'hold_preparatory_meeting': this.send(this.meetings.get(p.meeting), { type: 'PREPARE' }); break;
      case 'send_notice': this.send(this.meetings.get(p.meeting), { type: 'NOTICE' }); break;
      case 'publish_documents': this.send(this.meetings.get(p.meeting), { type: 'DOCUMENTS' }); break;
      case 'record_meeting': {
        const present = p.record.roll.filter((r) => r.attendance === 'present').length;
        this.send(this.meetings.get(p.meeting), { type: 'RECORD', yes: p.record.vote.yes?.length ?? 0, present });
        break;
      }
      case 'assign_tasks': {
        const ids = p.tasks.map((task) => task.task);
        for (const entry of p.carried_over ?? []) {
          const carried = typeof entry === 'string' ? { task: entry } : entry;
          this.tasks.get(carried.task)?.send({ type: 'CARRY_ON' });
          ids.push(carried.as ?? `${carried.task}.${p.meeting}`);
        }
        for (const id of ids) {
          const actor = createActor(taskMachine);
          actor.start();
          this.tasks.set(id, actor);
          this.taskMeeting.set(id, p.meeting);
        }
        this.send(this.meetings.get(p.meeting), { type: 'ASSIGN', tasks: p.tasks.length + (p.carried_over?.length ?? 0) });
        break;
      }
      case 'report_task': case 'carry_over_task': case 'cancel_task': {
        const type = { report_task: 'REPORT', carry_over_task: 'CARRY', cancel_task: 'CANCEL' }[name];
        const task = this.tasks.get(p.task);
        const meeting = this.meetings.get(this.taskMeeting.get(p.task));
        if (task.getSnapshot().value === 'assigned' && meeting.getSnapshot().value === 'assigned') {
          this.send(meeting, { type: 'TASK_SETTLED' });
        }
        this.send(task, { type, notDone: typeof p.outcome === 'object' });
        break;
      }
      case 'assess_report':
        if (p.assessment !== 'accepted') {
          this.send(this.tasks.get(p.task), { type: 'SEND_BACK' });
          this.send(this.meetings.get(this.taskMeeting.get(p.task)), { type: 'TASK_REOPENED' });
        }
        break;
      case 'close_reporting': this.send(this.meetings.get(p.meeting), { type: 'CLOSE' }); break;
      case 'open_inspection': this.inspections.set(p.inspection, p.meetings); break;
      case 'conclude_inspection':
        for (const id of this.inspections.get(p.inspection) ?? []) {
          const meeting = this.meetings.get(id);
          if (meeting.getSnapshot().value === 'reported') this.send(meeting, { type: 'CONCLUDE' });
        }
        break;
      default: break; // organisation, directives, scores, remedies: not modelled
    }
  }

  /** How many meetings are in each state. */
  states() {
    const counts = {};
    for (const actor of this.meetings.values()) {
      const state = actor.getSnapshot().value;
      counts[state] = (counts[state] ?? 0) + 1;
    }
    return counts;
  }
}
