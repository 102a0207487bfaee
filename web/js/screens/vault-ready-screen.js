// Right after the vault is created: offer the encrypted backup before the first account is added.
import { h } from '../ui/dom.js';
import { t } from '../i18n/i18n.js';
import { icon } from '../ui/icons.js';
import { downloadBackup } from '../storage/backup-file.js';
import { showToast } from '../ui/announcer.js';
import { actionButton } from '../ui/action-button.js';

export class VaultReadyScreen {
  constructor({ app, session }) {
    this.element = h('section', { class: 'screen narrow', 'aria-labelledby': 'ready-title' },
      h('h2', { id: 'ready-title', tabindex: '-1', text: t('ready.title') }),
      h('p', { text: t('ready.intro') }),
      h('div', { class: 'card' },
        h('p', { text: t('ready.backup') }),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'button', onclick: async () => {
            if (await downloadBackup(session)) showToast(t('backup.downloaded'));
          } }, icon('download'), t('backup.download')),
          actionButton(t('ready.continue'), () => app.navigate('add'), { variant: 'primary' }))));
  }
}
