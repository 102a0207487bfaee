// An account named in one line ("GitHub – kristine"), for lists, dialogs and messages: the issuer
// and the name, whichever of them the account has.
export function accountLabel(account) {
  return [account?.issuer, account?.name].filter(Boolean).join(' – ');
}
