import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';

import { useUpdateUser } from '../api/users';
import { problemText } from '../utils/format';

export function ChangePasswordForm({ username }: { username: string }) {
  const update = useUpdateUser();
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};
  const mismatch = repeat !== '' && repeat !== password ? 'The two new passwords differ.' : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    update.mutate(
      { username, data: { currentPassword, password } },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setPassword('');
          setRepeat('');
          setDone(true);
        },
      },
    );
  };
  return (
    <form className="stack narrow" onSubmit={submit} aria-labelledby="password-title" noValidate>
      <h2 id="password-title">Change my password</h2>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        error={fieldErrors.currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
      />
      <TextField
        label="New password"
        hint="At least 12 characters"
        type="password"
        autoComplete="new-password"
        value={password}
        error={fieldErrors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        value={repeat}
        error={mismatch}
        onChange={(e) => setRepeat(e.target.value)}
      />
      {update.isError && (
        <Alert role="alert" title="Password not changed">
          {problemText(update.error)}
        </Alert>
      )}
      <p role="status">{done ? 'Your password has been changed.' : ''}</p>
      <Button
        type="submit"
        busy={update.isPending}
        disabled={!currentPassword || password.length < 12 || password !== repeat}
      >
        Change password
      </Button>
    </form>
  );
}
