// One's own passkeys, the second factor beside the authenticator app: the list, adding one
// (the browser asks the device), renaming, and removing one after the password.
import { ref, computed, onMounted } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { api, get, post, put, Problem } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { createPasskey, passkeysSupported } from '../auth/webauthn.js';
import { session } from '../session.js';

const PATH = '/api/v1/me/two-factor/passkeys';

export default {
  name: 'PasskeyList',
  components: { ProblemMessage },
  // 'registered' with the recovery codes a first second factor brings (or null); 'changed'
  emits: ['registered', 'changed'],
  setup(props, { emit }) {
    const passkeys = ref([]);
    const adding = ref(false);
    const label = ref('');
    const renaming = ref(null);
    const newLabel = ref('');
    const removing = ref(null);
    const password = ref('');
    const problem = ref(null);
    const busy = ref(false);
    const supported = passkeysSupported();
    // in the organisation's time zone, as the sessions beside it
    const timeZone = computed(() => session.me && session.me.organisation.timeZone);
    const when = (iso) => formatInstant(iso, timeZone.value);

    async function load() {
      try {
        passkeys.value = await get(PATH);
      } catch (failure) {
        problem.value = failure;
      }
    }
    onMounted(load);

    async function run(work) {
      problem.value = null;
      busy.value = true;
      try {
        await work();
      } catch (failure) {
        // the browser's own refusals (cancelled, timed out, no such device) have no code
        problem.value = failure instanceof Problem ? failure : { code: 'passkey_cancelled', message: failure.message };
      } finally {
        busy.value = false;
      }
    }

    function startAdding() {
      adding.value = true;
      label.value = '';
      problem.value = null;
    }

    const add = () => run(async () => {
      const credential = await createPasskey(PATH + '/options');
      const answer = await post(PATH, { label: label.value.trim(), credential });
      adding.value = false;
      await load();
      emit('registered', answer.recoveryCodes || null);
    });

    function startRenaming(passkey) {
      renaming.value = passkey.id;
      newLabel.value = passkey.label;
      removing.value = null;
      problem.value = null;
    }

    const rename = () => run(async () => {
      await put(PATH + '/' + renaming.value, { label: newLabel.value.trim() });
      renaming.value = null;
      await load();
    });

    function startRemoving(passkey) {
      removing.value = passkey.id;
      password.value = '';
      renaming.value = null;
      problem.value = null;
    }

    const remove = () => run(async () => {
      await api('DELETE', PATH + '/' + removing.value, { currentPassword: password.value });
      removing.value = null;
      password.value = '';
      await load();
      emit('changed');
    });

    return { passkeys, adding, label, renaming, newLabel, removing, password, problem, busy, supported,
      startAdding, add, startRenaming, rename, startRemoving, remove, t, when };
  },
  template: `
    <div class="passkeys" id="passkeys">
      <h3>{{ t('passkeys.title') }}</h3>
      <p class="muted small">{{ t('passkeys.intro') }}</p>
      <p v-if="!supported" class="warning small" id="passkeys-unsupported">{{ t('passkeys.unsupported') }}</p>
      <ul class="passkey-list" v-if="passkeys.length">
        <li v-for="passkey in passkeys" :key="passkey.id" class="passkey" :data-passkey="passkey.id">
          <form v-if="renaming === passkey.id" class="inline" @submit.prevent="rename">
            <label class="visually-hidden" :for="'passkey-label-' + passkey.id">{{ t('passkeys.label') }}</label>
            <input :id="'passkey-label-' + passkey.id" class="passkey-rename-input" type="text" v-model="newLabel" maxlength="64" required>
            <button class="primary passkey-rename-save" type="submit" :disabled="busy">{{ t('action.save') }}</button>
            <button type="button" @click="renaming = null">{{ t('action.cancel') }}</button>
          </form>
          <template v-else>
            <strong class="passkey-label">{{ passkey.label }}</strong>
            <span class="small muted">
              {{ t('passkeys.added', { when: when(passkey.createdAt) }) }}
              <template v-if="passkey.lastUsedAt"> · {{ t('passkeys.lastUsed', { when: when(passkey.lastUsedAt) }) }}</template>
            </span>
            <span class="actions">
              <button class="passkey-rename" type="button" :disabled="busy" @click="startRenaming(passkey)">{{ t('passkeys.rename') }}</button>
              <button class="passkey-remove danger" type="button" :disabled="busy" @click="startRemoving(passkey)">{{ t('passkeys.remove') }}</button>
            </span>
          </template>
          <form v-if="removing === passkey.id" class="passkey-remove-form" @submit.prevent="remove">
            <div class="field">
              <label :for="'passkey-password-' + passkey.id">{{ t('password.current') }}</label>
              <input :id="'passkey-password-' + passkey.id" class="passkey-password" type="password" v-model="password"
                autocomplete="current-password" required>
            </div>
            <div class="actions">
              <button class="danger passkey-remove-confirm" type="submit" :disabled="busy">{{ t('passkeys.remove') }}</button>
              <button type="button" @click="removing = null">{{ t('action.cancel') }}</button>
            </div>
          </form>
        </li>
      </ul>
      <p v-else class="small muted" id="passkeys-none">{{ t('passkeys.none') }}</p>
      <form v-if="adding" id="passkey-add-form" @submit.prevent="add">
        <div class="field">
          <label for="passkey-label">{{ t('passkeys.label') }}</label>
          <input id="passkey-label" type="text" v-model="label" maxlength="64" :placeholder="t('passkeys.labelHint')" required>
        </div>
        <div class="actions">
          <button id="passkey-add-submit" class="primary" type="submit" :disabled="busy">{{ t('passkeys.create') }}</button>
          <button type="button" @click="adding = false">{{ t('action.cancel') }}</button>
        </div>
      </form>
      <div v-else-if="supported" class="actions">
        <button id="passkey-add" type="button" :disabled="busy" @click="startAdding">{{ t('passkeys.add') }}</button>
      </div>
      <ProblemMessage :problem="problem" />
    </div>`,
};
