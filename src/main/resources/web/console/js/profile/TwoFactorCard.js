// The security part of one's own profile: two-factor sign-in with an authenticator app or
// passkeys, the recovery codes (shown once, to copy or download), and turning the app off.
import { ref, onMounted } from 'vue';
import { t, tCount, formatInstant } from '../../../shared/js/i18n.js';
import { api, get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import PasskeyList from './PasskeyList.js';

export default {
  name: 'TwoFactorCard',
  components: { ProblemMessage, PasskeyList },
  emits: ['enrolled'],
  setup(props, { emit }) {
    const status = ref(null);
    const enrolment = ref(null);
    const code = ref('');
    const recoveryCodes = ref(null);
    const password = ref('');
    const action = ref(null); // 'renew' or 'remove' while asking for the password
    const problem = ref(null);
    const busy = ref(false);
    const copied = ref(false);

    async function load() {
      try {
        status.value = await get('/api/v1/me/two-factor');
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
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const begin = () => run(async () => {
      recoveryCodes.value = null;
      code.value = '';
      enrolment.value = await post('/api/v1/me/two-factor/app');
    });

    const confirm = () => run(async () => {
      const answer = await post('/api/v1/me/two-factor/app/confirm', { code: code.value.trim() });
      enrolment.value = null;
      recoveryCodes.value = answer.recoveryCodes;
      await load();
      emit('enrolled');
    });

    function ask(what) {
      action.value = what;
      password.value = '';
      problem.value = null;
    }

    const submitPassword = () => run(async () => {
      if (action.value === 'renew') {
        const answer = await post('/api/v1/me/two-factor/recovery-codes', { currentPassword: password.value });
        recoveryCodes.value = answer.recoveryCodes;
      } else {
        await api('DELETE', '/api/v1/me/two-factor', { currentPassword: password.value });
        recoveryCodes.value = null;
      }
      action.value = null;
      password.value = '';
      await load();
    });

    // a first passkey (without an app) brings recovery codes, shown here like the app's
    async function passkeyRegistered(codes) {
      if (codes) recoveryCodes.value = codes;
      copied.value = false;
      await load();
      emit('enrolled');
    }

    async function copy() {
      await navigator.clipboard.writeText(recoveryCodes.value.join('\n'));
      copied.value = true;
    }

    function download() {
      const text = t('twoFactor.recoveryFile') + '\n\n' + recoveryCodes.value.join('\n') + '\n';
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
      link.download = 'parley-recovery-codes.txt';
      link.click();
      URL.revokeObjectURL(link.href);
    }

    return { status, enrolment, code, recoveryCodes, password, action, problem, busy, copied,
      begin, confirm, ask, submitPassword, passkeyRegistered, load, copy, download, t, tCount, formatInstant };
  },
  template: `
    <section class="card two-factor" id="two-factor-card">
      <h2>{{ t('twoFactor.title') }}</h2>
      <p class="muted small">{{ t('twoFactor.intro') }}</p>
      <template v-if="status">
        <p id="two-factor-status" :class="status.enabled ? 'notice' : 'warning'">
          {{ status.app ? t('twoFactor.on', { since: formatInstant(status.enabledAt) })
            : (status.enabled ? t('passkeys.onWithPasskeys') : t('twoFactor.off')) }}
          <span v-if="status.requiredByRole"> {{ t('twoFactor.requiredByRole') }}</span>
        </p>

        <div v-if="recoveryCodes" id="recovery-codes" class="recovery-codes">
          <h3>{{ t('twoFactor.recoveryTitle') }}</h3>
          <p class="small">{{ t('twoFactor.recoveryIntro') }}</p>
          <ol class="codes"><li v-for="item in recoveryCodes" :key="item"><code>{{ item }}</code></li></ol>
          <div class="actions">
            <button id="recovery-copy" type="button" @click="copy">{{ copied ? t('twoFactor.copied') : t('twoFactor.copy') }}</button>
            <button id="recovery-download" type="button" @click="download">{{ t('twoFactor.download') }}</button>
            <button id="recovery-done" class="primary" type="button" @click="recoveryCodes = null">{{ t('twoFactor.saved') }}</button>
          </div>
        </div>

        <div v-if="!status.app && !enrolment" class="actions">
          <button id="two-factor-begin" class="primary" type="button" :disabled="busy" @click="begin">{{ t('twoFactor.begin') }}</button>
        </div>

        <form v-if="enrolment" id="two-factor-enrolment" @submit.prevent="confirm">
          <ol class="steps small">
            <li>{{ t('twoFactor.step.scan') }}</li>
            <li>{{ t('twoFactor.step.code') }}</li>
          </ol>
          <img id="two-factor-qr" class="qr" :src="enrolment.qrCode" :alt="t('twoFactor.qrAlt')" width="200" height="200">
          <div class="field">
            <label for="two-factor-secret">{{ t('twoFactor.secret') }}</label>
            <input id="two-factor-secret" type="text" :value="enrolment.secret" readonly spellcheck="false">
          </div>
          <div class="field">
            <label for="two-factor-code">{{ t('twoFactor.code') }}</label>
            <input id="two-factor-code" type="text" v-model="code" inputmode="numeric" autocomplete="one-time-code"
              maxlength="7" pattern="[0-9 ]{6,7}" required>
          </div>
          <div class="actions">
            <button id="two-factor-confirm" class="primary" type="submit" :disabled="busy">{{ t('twoFactor.confirm') }}</button>
            <button type="button" @click="enrolment = null">{{ t('action.cancel') }}</button>
          </div>
        </form>

        <div v-if="status.enabled && !action" class="actions">
          <span class="small muted" id="recovery-left">{{ tCount('twoFactor.recoveryLeft', status.recoveryCodesLeft) }}</span>
          <button id="recovery-renew" type="button" :disabled="busy" @click="ask('renew')">{{ t('twoFactor.renew') }}</button>
          <button v-if="status.app && (!status.requiredByRole || status.passkeys > 0)" id="two-factor-remove" class="danger" type="button" :disabled="busy"
            @click="ask('remove')">{{ t('twoFactor.remove') }}</button>
        </div>
        <form v-if="action" id="two-factor-password" @submit.prevent="submitPassword">
          <div class="field">
            <label for="two-factor-current-password">{{ t('password.current') }}</label>
            <input id="two-factor-current-password" type="password" v-model="password" autocomplete="current-password" required>
          </div>
          <div class="actions">
            <button id="two-factor-password-submit" :class="action === 'remove' ? 'danger' : 'primary'" type="submit"
              :disabled="busy">{{ action === 'remove' ? t('twoFactor.remove') : t('twoFactor.renew') }}</button>
            <button type="button" @click="action = null">{{ t('action.cancel') }}</button>
          </div>
        </form>
        <PasskeyList @registered="passkeyRegistered" @changed="load" />
      </template>
      <ProblemMessage :problem="problem" />
    </section>`,
};
