// The signed-in staff member's avatar in the top bar; a click opens a dialog to change it.
import { ref, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';
import StaffAvatar from './StaffAvatar.js';
import AvatarUpload from './AvatarUpload.js';

export default {
  name: 'MyAvatar',
  components: { ModalDialog, StaffAvatar, AvatarUpload },
  setup() {
    const url = ref(null);
    const open = ref(false);
    onMounted(async () => {
      try {
        url.value = (await get('/api/v1/agents/me/avatar')).avatarUrl || null;
      } catch {
        url.value = null;
      }
    });
    const changed = (next) => { url.value = next; };
    return { session, url, open, changed, t };
  },
  template: `
    <button type="button" id="my-avatar" class="avatar-button" :title="t('avatar.yours')" :aria-label="t('avatar.yours')"
      @click="open = true"><StaffAvatar :name="session.me.user.displayName" :url="url" :size="28" /></button>
    <ModalDialog v-if="open" class="avatar-dialog" title-id="avatar-title" :title="t('avatar.yours')" @close="open = false">
      <AvatarUpload path="/api/v1/agents/me/avatar" :name="session.me.user.displayName" :url="url" @changed="changed" />
      <div class="actions"><button type="button" @click="open = false">{{ t('action.close') }}</button></div>
    </ModalDialog>`,
};
