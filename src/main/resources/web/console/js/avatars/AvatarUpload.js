// Choose, replace or remove an avatar (one's own, or, with user.manage, anyone's): PNG or
// JPEG up to 1 MB, checked here before sending and again by the server.
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { upload, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import StaffAvatar from './StaffAvatar.js';

export const MAX_AVATAR_BYTES = 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

export default {
  name: 'AvatarUpload',
  components: { ProblemMessage, StaffAvatar },
  /** path: the avatar resource, e.g. /api/v1/agents/me/avatar */
  props: { path: String, name: String, url: String },
  emits: ['changed'],
  setup(props, { emit }) {
    const busy = ref(false);
    const problem = ref(null);
    const local = ref('');
    const input = ref(null);

    async function choose(event) {
      const file = event.target.files && event.target.files[0];
      event.target.value = '';
      problem.value = null;
      local.value = '';
      if (!file) return;
      if (!TYPES.includes(file.type)) {
        local.value = t('avatar.wrongType');
        return;
      }
      if (file.size > MAX_AVATAR_BYTES) {
        local.value = t('avatar.tooLarge', { size: '1 MB' });
        return;
      }
      busy.value = true;
      try {
        const form = new FormData();
        form.append('file', file);
        const answer = await upload(props.path, form);
        emit('changed', answer.avatarUrl);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function remove() {
      busy.value = true;
      problem.value = null;
      local.value = '';
      try {
        await del(props.path);
        emit('changed', null);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { busy, problem, local, input, choose, remove, t };
  },
  template: `
    <div class="avatar-upload">
      <StaffAvatar :name="name" :url="url" :size="56" />
      <div class="avatar-upload-actions">
        <label class="button-like" :class="{ disabled: busy }">
          <input type="file" class="visually-hidden avatar-file" accept="image/png,image/jpeg"
            :disabled="busy" @change="choose">{{ url ? t('avatar.replace') : t('avatar.choose') }}
        </label>
        <button v-if="url" type="button" class="link avatar-remove" :disabled="busy" @click="remove">{{ t('avatar.remove') }}</button>
        <div class="hint">{{ t('avatar.hint', { size: '1 MB' }) }}</div>
        <div v-if="local" class="problem" role="alert">{{ local }}</div>
        <ProblemMessage :problem="problem" />
      </div>
    </div>`,
};
