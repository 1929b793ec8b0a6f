/** What each way of signing in offers the console. */
export interface Auth {
  /** Leaves the page for the sign-in page or the identity provider. */
  signIn(): Promise<void>;
  /** On the way back: the access token when this page load completes a sign-in, else undefined. */
  completeSignIn(): Promise<string | undefined>;
  /** Ends the session at the provider when it can; the caller forgets the token either way. */
  signOut(): Promise<void>;
}

/** Removes the sign-in response (?code=…&state=…) from the address bar and the history. */
export const forgetCallbackParameters = (): void => {
  history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
};
