// Sign in with username and password, then, for an account with two-factor sign-in, a code
// from the authenticator app or a recovery code.
import { ref, reactive } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import LanguageSelect from '../shell/LanguageSelect.js';
import { signIn, completeSignIn } from '../session.js';

export default {
  name: 'LoginView',
  components: { ProblemMessage, BrandMark, LanguageSelect },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const form = reactive({ username: '', password: '', code: '', recoveryCode: '' });
    // 'password', then 'code' or 'recovery' when the account has a second factor
    const step = ref('password');
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
          step.value = 'code';
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

    async function submitCode() {
      const body = step.value === 'recovery' ? { recoveryCode: form.recoveryCode.trim() } : { code: form.code.trim() };
      await attempt(() => completeSignIn(body));
      form.code = '';
      form.recoveryCode = '';
    }

    function useStep(name) {
      problem.value = null;
      step.value = name;
    }

    return { form, step, problem, busy, expired, submit, submitCode, useStep, t };
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
            <button id="login-code-submit" class="primary" type="submit" :disabled="busy">{{ t('login.submit') }}</button>
          </div>
          <div class="login-links">
            <button v-if="step === 'code'" id="login-use-recovery" class="link small" type="button"
              @click="useStep('recovery')">{{ t('login.secondFactor.useRecovery') }}</button>
            <button v-else id="login-use-code" class="link small" type="button"
              @click="useStep('code')">{{ t('login.secondFactor.useCode') }}</button>
            <button id="login-restart" class="link small" type="button" @click="useStep('password')">{{ t('login.secondFactor.restart') }}</button>
          </div>
        </form>
      </div>
    </main>`,
};
