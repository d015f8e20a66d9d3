// The editable selection of a bulk flow: checkboxes over the chosen users, with select all.
import { EmailText } from '../../components/EmailText.tsx';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { roleLabel } from '../../format/account.ts';

interface Props {
  users: OrgUserRow[];
  checked: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
}

export function UserPicker({ users, checked, onChange }: Props) {
  const all = users.length > 0 && users.every((u) => checked.has(u.id));
  return (
    <fieldset className="org-pick">
      <legend>
        <label className="org-pick-all">
          <input
            type="checkbox"
            className="org-check"
            checked={all}
            onChange={() => onChange(new Set(all ? [] : users.map((u) => u.id)))}
          />
          {checked.size} of {users.length} users selected
        </label>
      </legend>
      <ul>
        {users.map((u) => (
          <li key={u.id}>
            <label>
              <input
                type="checkbox"
                className="org-check"
                checked={checked.has(u.id)}
                onChange={() => {
                  const next = new Set(checked);
                  if (!next.delete(u.id)) next.add(u.id);
                  onChange(next);
                }}
              />
              <span>
                {u.name} · {roleLabel[u.role]}
              </span>
              <span className="org-muted">
                <EmailText email={u.email} />
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
