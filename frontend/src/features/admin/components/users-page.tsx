import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';

import { roleValues, type AdminUser, type Role } from '../api/types';
import { useCreateUser, useUpdateUser, useUsers } from '../api/users';
import { formatDateTime, problemText } from '../utils/format';

import { Dialog } from './dialog';

const MIN_PASSWORD = 12;

function CreateUserForm({ onDone }: { onDone: (message: string) => void }) {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { username: username.trim(), password, role },
      {
        onSuccess: (user) => {
          setUsername('');
          setPassword('');
          onDone(`User ${user.username} created.`);
        },
      },
    );
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="create-user-title" noValidate>
      <h2 id="create-user-title">Add a user</h2>
      <div className="filters">
        <TextField
          label="Username"
          autoComplete="off"
          value={username}
          error={fieldErrors.username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <TextField
          label="Initial password"
          hint={`At least ${MIN_PASSWORD} characters`}
          type="password"
          autoComplete="new-password"
          value={password}
          error={fieldErrors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roleValues.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
      </div>
      {create.isError && (
        <Alert role="alert" title="Not created">
          {problemText(create.error)}
        </Alert>
      )}
      <Button type="submit" busy={create.isPending} disabled={!username.trim() || password.length < MIN_PASSWORD}>
        Add user
      </Button>
    </form>
  );
}

function ResetPasswordDialog({ user, onClose, onDone }: { user: AdminUser; onClose: () => void; onDone: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ username: user.username, data: { password } }, { onSuccess: onDone });
  };
  return (
    <Dialog title={`Reset the password of ${user.username}`} onClose={onClose} busy={update.isPending}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label="New password"
          hint={`At least ${MIN_PASSWORD} characters; tell it to ${user.username} in person or another safe way`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {update.isError && (
          <Alert role="alert" title="Not changed">
            {problemText(update.error)}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" busy={update.isPending} disabled={password.length < MIN_PASSWORD}>
            Set password
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
            Close
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function UserRow({ user, self, onDone }: { user: AdminUser; self: boolean; onDone: (message: string) => void }) {
  const update = useUpdateUser();
  const [resetting, setResetting] = useState(false);
  const change = (data: { role?: Role; enabled?: boolean }, message: string) =>
    update.mutate({ username: user.username, data }, { onSuccess: () => onDone(message) });
  return (
    <tr>
      <th scope="row">{user.username}</th>
      <td>
        <SelectField
          label={`Role of ${user.username}`}
          className="field--compact"
          value={user.role}
          disabled={self || update.isPending}
          onChange={(e) => change({ role: e.target.value as Role }, `${user.username} is now ${e.target.value}.`)}
        >
          {roleValues.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </SelectField>
      </td>
      <td>{user.enabled ? 'Active' : 'Disabled'}</td>
      <td>
        <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
      </td>
      <td>
        <div className="button-row">
          {!self && (
            <Button
              variant="secondary"
              busy={update.isPending}
              onClick={() =>
                change({ enabled: !user.enabled }, `${user.username} is ${user.enabled ? 'disabled' : 'enabled'}.`)
              }
            >
              {user.enabled ? 'Disable' : 'Enable'} {user.username}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setResetting(true)}>
            Reset password of {user.username}
          </Button>
        </div>
        {update.isError && (
          <p className="field__error" role="alert">
            {problemText(update.error)}
          </p>
        )}
        {resetting && (
          <ResetPasswordDialog
            user={user}
            onClose={() => setResetting(false)}
            onDone={() => {
              setResetting(false);
              onDone(`Password of ${user.username} changed.`);
            }}
          />
        )}
      </td>
    </tr>
  );
}

export function UsersPage({ me }: { me: string }) {
  const users = useUsers();
  const [announcement, setAnnouncement] = useState('');
  return (
    <div className="stack stack--lg">
      <h1>Users</h1>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {users.isPending && <Spinner label="Loading users" />}
      {users.isError && (
        <Alert role="alert" title="Users could not be loaded">
          {problemText(users.error)}
        </Alert>
      )}
      {users.data && (
        <div className="table-scroll" role="region" aria-label="Users" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow key={user.username} user={user} self={user.username === me} onDone={setAnnouncement} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserForm onDone={setAnnouncement} />
    </div>
  );
}
