// Sign in with username and password, then, for an account with two-factor sign-in, a code
// from the authenticator app, a passkey or a recovery code.
import { ref, reactive } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { Problem } from '../../../shared/js/api.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import LanguageSelect from '../shell/LanguageSelect.js';
import { signIn, completeSignIn, completeSignInWithPasskey } from '../session.js';
import { usePasskey, passkeysSupported } from './webauthn.js';

export default {
  name: 'LoginView',
  components: { ProblemMessage, BrandMark, LanguageSelect },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const form = reactive({ username: '', password: '', code: '', recoveryCode: '' });
    // 'password', then 'code', 'passkey' or 'recovery' when the account has a second factor
    const step = ref('password');
    // how the account can give its second factor: 'totp', 'passkey', 'recovery_code'
    const methods = ref([]);
    const problem = ref(null);
    const busy = ref(false);
    const expired = route.query.expired === '1';

    async function enter(me) {
      if (me.user.passwordChangeRequired) {
        await router.push({ name: 'password' });
      } else if (me.twoFactorEnrolmentRequired) {
        await router.push({ name: 'two-factor' });
      } else {
        const target = typeof route.query.redirect === 'string' && route.query.redirect.startsWith('/')
          ? route.query.redirect : '/';
        await router.push(target);
      }
    }

    async function attempt(work) {
      problem.value = null;
      busy.value = true;
      try {
        await enter(await work());
      } catch (failure) {
        if (failure.code === 'second_factor_required') {
          methods.value = (failure.body && failure.body.methods) || ['totp', 'recovery_code'];
          if (!passkeysSupported()) methods.value = methods.value.filter((method) => method !== 'passkey');
          step.value = methods.value.includes('totp') ? 'code'
            : (methods.value.includes('passkey') ? 'passkey' : 'recovery');
        } else if (!(failure instanceof Problem)) {
          // the browser's own refusal of a passkey (cancelled, timed out, no such device)
          problem.value = { code: 'passkey_cancelled', message: failure.message };
        } else {
          if (failure.code === 'no_pending_sign_in') step.value = 'password';
          problem.value = failure;
        }
      } finally {
        busy.value = false;
      }
    }

    async function submit() {
      await attempt(() => signIn(form.username.trim(), form.password));
      form.password = '';
    }

    async function submitPasskey() {
      await attempt(async () => completeSignInWithPasskey(await usePasskey('/api/v1/session/second-factor/passkey/options')));
    }

    async function submitCode() {
      if (step.value === 'passkey') {
        await submitPasskey();
        return;
      }
      const body = step.value === 'recovery' ? { recoveryCode: form.recoveryCode.trim() } : { code: form.code.trim() };
      await attempt(() => completeSignIn(body));
      form.code = '';
      form.recoveryCode = '';
    }

    function useStep(name) {
      problem.value = null;
      step.value = name;
    }

    return { form, step, methods, problem, busy, expired, submit, submitCode, submitPasskey, useStep, t };
  },
  template: `
    <main class="centered">
      <div class="panel">
        <div class="corner"><LanguageSelect id="login-language" /></div>
        <BrandMark />
        <form class="card" v-if="step === 'password'" @submit.prevent="submit">
          <h1>{{ t('login.title') }}</h1>
          <div class="warning" v-if="expired">{{ t('login.expired') }}</div>
          <div class="field">
            <label for="login-username">{{ t('field.username') }}</label>
            <input id="login-username" type="text" v-model="form.username" autocomplete="username" required autofocus>
          </div>
          <div class="field">
            <label for="login-password">{{ t('field.password') }}</label>
            <input id="login-password" type="password" v-model="form.password" autocomplete="current-password" required>
          </div>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="login-submit" class="primary" type="submit" :disabled="busy">{{ t('login.submit') }}</button>
          </div>
          <div class="login-links">
            <router-link id="login-forgot" :to="{ name: 'forgot' }" class="small">{{ t('login.forgot') }}</router-link>
          </div>
        </form>
        <form class="card" v-else id="login-second-factor" @submit.prevent="submitCode">
          <h1>{{ t('login.secondFactor.title') }}</h1>
          <template v-if="step === 'code'">
            <p class="muted small">{{ t('login.secondFactor.codeHint') }}</p>
            <div class="field">
              <label for="login-code">{{ t('twoFactor.code') }}</label>
              <input id="login-code" type="text" v-model="form.code" inputmode="numeric" autocomplete="one-time-code"
                maxlength="7" required autofocus>
            </div>
          </template>
          <p v-else-if="step === 'passkey'" class="muted small">{{ t('login.secondFactor.passkeyHint') }}</p>
          <template v-else>
            <p class="muted small">{{ t('login.secondFactor.recoveryHint') }}</p>
            <div class="field">
              <label for="login-recovery-code">{{ t('login.secondFactor.recoveryCode') }}</label>
              <input id="login-recovery-code" type="text" v-model="form.recoveryCode" autocomplete="off"
                spellcheck="false" maxlength="40" required autofocus>
            </div>
          </template>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button v-if="step !== 'passkey'" id="login-code-submit" class="primary" type="submit" :disabled="busy">{{ t('login.submit') }}</button>
            <button v-if="methods.includes('passkey')" id="login-use-passkey" :class="{ primary: step === 'passkey' }"
              type="button" :disabled="busy" @click="submitPasskey">{{ t('login.secondFactor.usePasskey') }}</button>
          </div>
          <div class="login-links">
            <button v-if="step !== 'recovery'" id="login-use-recovery" class="link small" type="button"
              @click="useStep('recovery')">{{ t('login.secondFactor.useRecovery') }}</button>
            <button v-if="step !== 'code' && methods.includes('totp')" id="login-use-code" class="link small" type="button"
              @click="useStep('code')">{{ t('login.secondFactor.useCode') }}</button>
            <button id="login-restart" class="link small" type="button" @click="useStep('password')">{{ t('login.secondFactor.restart') }}</button>
          </div>
        </form>
      </div>
    </main>`,
};
