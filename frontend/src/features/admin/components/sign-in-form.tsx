import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';

import { useSignIn } from '../api/session';
import { problemText } from '../utils/format';

function signInError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Wrong username or password.';
  if (error instanceof ApiError && error.status === 429) {
    const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : null;
    return minutes
      ? `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
      : 'Too many failed sign-ins. Try again later.';
  }
  return problemText(error);
}

export function SignInForm() {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        label="Username"
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {signIn.isError && (
        <Alert role="alert" title="Not signed in">
          {signInError(signIn.error)}
        </Alert>
      )}
      <Button type="submit" busy={signIn.isPending} disabled={!username.trim() || !password}>
        Sign in
      </Button>
    </form>
  );
}
