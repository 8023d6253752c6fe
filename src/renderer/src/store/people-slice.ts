import type { GovernanceStage, Person, PersonInput, RaciLetter } from '../../../shared/governance/people';
import { toShownError } from '../lib/errors';
import { toFormProblem, withoutFields, type FormProblem } from '../lib/problems';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

export interface PeopleSlice {
  people: Person[];
  personProblem: FormProblem | null;
  personSaving: boolean;
  /** What the RACI grid is doing, in words, for a live region ("Saving…", "Saved"). */
  raciStatus: string | null;
  /** Adds a person (no id) or updates one; false if refused, with the reason in `personProblem`. */
  savePerson(person: PersonInput): Promise<boolean>;
  removePerson(id: string): Promise<void>;
  /** Sets one cell of the RACI grid (null clears it); shown at once, saved in order behind the scenes. */
  setRaci(personId: string, stage: GovernanceStage, letter: RaciLetter | null): void;
  /** Drops the complaints about `paths` (the fields just edited), or all of them without paths. */
  clearPersonProblem(paths?: string[]): void;
}

export const PEOPLE_INITIAL = {
  people: [],
  personProblem: null,
  personSaving: false,
  raciStatus: null,
} satisfies Partial<PeopleSlice>;

function withLetter(raci: Person['raci'], stage: GovernanceStage, letter: RaciLetter | null): Person['raci'] {
  const next = { ...raci };
  if (letter) next[stage] = letter;
  else delete next[stage];
  return next;
}

const toInput = (p: Person): PersonInput => ({ id: p.id, name: p.name, role: p.role, email: p.email, raci: p.raci });

export const createPeopleSlice: SliceCreator<PeopleSlice> = (set, get) => {
  // Grid edits are saved one after another, each sending the person as the grid now shows them,
  // so quick successive clicks cannot overwrite each other with stale letters.
  let raciQueue: Promise<void> = Promise.resolve();
  let raciPending = 0;

  return {
    ...PEOPLE_INITIAL,

    async savePerson(person) {
      const current = projectGuard(get);
      set({ personSaving: true, personProblem: null });
      try {
        const saved = await clientOf(get).call('people.save', { person });
        if (!current()) return false;
        set((state) => {
          const exists = state.people.some((p) => p.id === saved.id);
          return { people: exists ? state.people.map((p) => (p.id === saved.id ? saved : p)) : [...state.people, saved] };
        });
        get().governanceChanged();
        return true;
      } catch (error) {
        if (current()) set({ personProblem: toFormProblem(error, 'person') });
        return false;
      } finally {
        set({ personSaving: false });
      }
    },

    async removePerson(id) {
      const current = projectGuard(get);
      try {
        await clientOf(get).call('people.remove', { id });
        if (!current()) return;
        set((state) => ({ people: state.people.filter((p) => p.id !== id) }));
        get().governanceChanged();
      } catch (error) {
        get().notify('error', `Could not remove the person: ${toShownError(error).message}`);
      }
    },

    setRaci(personId, stage, letter) {
      set((state) => ({
        people: state.people.map((p) => (p.id === personId ? { ...p, raci: withLetter(p.raci, stage, letter) } : p)),
        raciStatus: 'Saving…',
      }));
      const current = projectGuard(get);
      raciPending += 1;
      raciQueue = raciQueue.then(async () => {
        try {
          const person = get().people.find((p) => p.id === personId);
          if (!current() || !person) return;
          await clientOf(get).call('people.save', { person: toInput(person) });
        } catch (error) {
          get().notify('error', `Could not save the RACI change: ${toShownError(error).message}`);
          if (current()) set({ people: await clientOf(get).call('people.list').catch(() => get().people) });
        } finally {
          raciPending -= 1;
          if (raciPending === 0 && current()) {
            set({ raciStatus: 'All changes saved.' });
            get().governanceChanged();
          }
        }
      });
    },

    clearPersonProblem(paths) {
      set((state) => ({ personProblem: paths ? withoutFields(state.personProblem, paths) : null }));
    },
  };
};
