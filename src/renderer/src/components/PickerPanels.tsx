import { CreateProjectForm } from './CreateProjectForm';
import { OpenByPathForm } from './OpenByPathForm';
import { RecentProjects } from './RecentProjects';
import { SampleProjectForm } from './SampleProjectForm';

/** Create on one side, open (recent or by path) on the other: the picker page and the switch dialog. */
export function PickerPanels({ autoFocus = false }: { autoFocus?: boolean }) {
  return (
    <div className="picker-panels">
      <section className="card" aria-labelledby="picker-create-title">
        <h2 id="picker-create-title">Create a project</h2>
        <p className="muted">A project is a folder: its database and artifacts travel with it.</p>
        <CreateProjectForm autoFocus={autoFocus} />
        <hr className="divider" />
        <h3 id="picker-sample-title">New to MLCycle? Try the sample</h3>
        <SampleProjectForm />
      </section>
      <section className="card" aria-labelledby="picker-open-title">
        <h2 id="picker-open-title">Open a project</h2>
        <RecentProjects />
        <hr className="divider" />
        <OpenByPathForm />
      </section>
    </div>
  );
}
