// The Activity tab's filters: a user text box (debounced by the panel) and an operation select.
import type { AuditOperation } from '../../../../src-shared/cloud-api/org.ts';
import { activityOperations } from '../../../../src-shared/domain/activity.ts';
import { SelectField } from '../SelectField.tsx';

interface Props {
  user: string;
  operation: AuditOperation | '';
  onUser: (user: string) => void;
  onOperation: (operation: AuditOperation | '') => void;
}

export function ActivityFilters({ user, operation, onUser, onOperation }: Props) {
  return (
    <div className="org-toolbar activity-toolbar" role="search">
      <label className="org-search">
        <span className="visually-hidden">Filter by user email</span>
        <input
          type="search"
          placeholder="Filter by user email (who did it, or to whom)"
          value={user}
          maxLength={320}
          onChange={(e) => onUser(e.target.value)}
        />
      </label>
      <SelectField
        label="Operation"
        value={operation}
        wide
        onChange={(e) => onOperation(e.target.value as AuditOperation | '')}
      >
        <option value="">All operations</option>
        {activityOperations.map((o) => (
          <option key={o.operation} value={o.operation}>
            {o.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
