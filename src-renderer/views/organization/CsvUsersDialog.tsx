// "Manual" or "Via .csv file" (docs/sources.md, Portal guide §IX–X, §XV–XVI, §XXI–XXII): pick users
// from the list, or upload a file of emails (template, worker parse with progress, each bad row
// with its line), then continue with the matched users. Nothing is sent from here. Its state lives
// in useCsvUsers; each step's body is a component below.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import type { CsvKind } from '../../../src-shared/csv/formats.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { CsvFilePicker } from './CsvFilePicker.tsx';
import { Dialog } from './Dialog.tsx';
import { useCsvUsers, type CsvUsersState } from './useCsvUsers.ts';

interface Props {
  title: string;
  kind: Exclude<CsvKind, 'invite'>;
  /** Manual: every user, none checked. Via .csv file: the users the file names, checked. */
  onContinue: (users: OrgUserRow[], fromCsv: boolean) => void;
  onClose: () => void;
}

const SHOWN_ERRORS = 200;

export function CsvUsersDialog({ title, kind, onContinue, onClose }: Props) {
  const c = useCsvUsers(kind);
  const { mode, setStep, users, error, matched } = c;
  const choose = c.step === 'choose';
  // One dialog for both steps, its buttons in the same places: it stays open (and focused) as the
  // step changes.
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={!choose}
      footer={
        <>
          <Button variant="quiet" onClick={choose ? onClose : () => setStep('choose')}>
            {choose ? 'Cancel' : 'Back'}
          </Button>
          {choose ? (
            <Button
              variant="primary"
              busy={mode === 'manual' && !users && !error}
              disabled={mode === 'manual' && !users}
              onClick={() =>
                mode === 'manual' ? users && onContinue(users, false) : setStep('upload')
              }
            >
              Continue
            </Button>
          ) : (
            <Button
              variant="primary"
              disabled={matched.length === 0}
              onClick={() => onContinue(matched, true)}
            >
              Continue with {matched.length} {matched.length === 1 ? 'user' : 'users'}
            </Button>
          )}
        </>
      }
    >
      {choose ? <ChooseUsers c={c} /> : <UploadUsers c={c} kind={kind} />}
    </Dialog>
  );
}

/** Manual or Via .csv file. */
function ChooseUsers({ c }: { c: CsvUsersState }) {
  const { mode, setMode, error, name } = c;
  return (
    <>
      <fieldset className="org-radios">
        <legend>How do you want to choose the users?</legend>
        {(['manual', 'csv'] as const).map((m) => (
          <label key={m} className="org-radio">
            <input type="radio" name={name} checked={mode === m} onChange={() => setMode(m)} />
            <span>
              <strong>{m === 'manual' ? 'Manual' : 'Via .csv file'}</strong>
              <span className="org-radio-note">
                {m === 'manual'
                  ? 'Check the users in a list of everyone in the organization.'
                  : 'Upload a file with one email per row (the template has the Email column).'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <Banner tone="error" title="The organization's users could not be read">
          {error}
        </Banner>
      )}
    </>
  );
}

/** The file: template, upload, the users it names and each row left out with its line. */
function UploadUsers({ c, kind }: { c: CsvUsersState; kind: Props['kind'] }) {
  const { upload, users, error, result, matched, problems } = c;
  return (
    <>
      <CsvFilePicker kind={kind} hint="Then upload the filled-in file:" upload={upload} />
      {result && !result.fatal && !users && (
        <p className="org-muted" role="status">
          {error ?? "Reading the organization's users…"}
        </p>
      )}
      {result && !result.fatal && users && (
        <>
          <Banner tone={problems.length ? 'warning' : 'success'} title={upload.fileName ?? 'File'}>
            {matched.length} of {result.total} rows name users of your organization.
            {problems.length > 0 && ' The rows below are left out.'}
          </Banner>
          <ProblemLines problems={problems} />
        </>
      )}
    </>
  );
}

/** The rows left out, the first SHOWN_ERRORS of them with their lines. */
function ProblemLines({ problems }: { problems: { line: number; reason: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <>
      <table className="table org-failed-table org-lines-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN_ERRORS).map((p, i) => (
            <tr key={`${p.line}-${i}`}>
              <td>{p.line}</td>
              <td>{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN_ERRORS && (
        <p className="org-muted">…and {problems.length - SHOWN_ERRORS} more.</p>
      )}
    </>
  );
}
