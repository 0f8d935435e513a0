// The pages of a customer who is not signed in: sign in, register, verify the address
// (the e-mail's link), forgot password and the reset (the other e-mail's link).
import { ref, reactive, onMounted, watch } from 'vue';
import { useRouter, useRoute } from 'vue-router';
import { get, post } from '../../shared/js/api.js';
import { t, language } from '../../shared/js/i18n.js';
import ProblemMessage from '../../shared/js/ProblemMessage.js';
import { loadMe, linkToken } from './portalSession.js';

/** What a new password must be, read once. */
function usePolicy() {
  const policy = ref(null);
  onMounted(async () => {
    try {
      policy.value = await get('/api/v1/portal/account/policy');
    } catch {
      policy.value = null;
    }
  });
  return policy;
}

export const SignInView = {
  name: 'SignInView',
  components: { ProblemMessage },
  setup() {
    const router = useRouter();
    const route = useRoute();
    const form = reactive({ email: '', password: '' });
    const problem = ref(null);
    const busy = ref(false);
    async function submit() {
      busy.value = true;
      problem.value = null;
      try {
        await post('/api/v1/portal/account/session', form);
        await loadMe();
        router.push(typeof route.query.next === 'string' && route.query.next.startsWith('/')
          ? route.query.next : { name: 'conversations' });
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { t, form, problem, busy, submit };
  },
  template: `
    <section class="portal-card">
      <h1>{{ t('portal.signIn.title') }}</h1>
      <p class="muted">{{ t('portal.signIn.intro') }}</p>
      <p v-if="problem && problem.code === 'bad_credentials'" id="sign-in-problem" class="problem" role="alert">{{ t('portal.signIn.bad') }}</p>
      <ProblemMessage v-else id="sign-in-problem" :problem="problem" />
      <form @submit.prevent="submit" class="portal-form">
        <label>{{ t('portal.field.email') }}<input id="sign-in-email" v-model="form.email" type="email" autocomplete="email" required></label>
        <label>{{ t('portal.field.password') }}<input id="sign-in-password" v-model="form.password" type="password" autocomplete="current-password" required></label>
        <button id="sign-in-submit" class="primary" :disabled="busy">{{ t('portal.signIn.submit') }}</button>
      </form>
      <p class="portal-links">
        <router-link id="to-register" :to="{ name: 'register' }">{{ t('portal.register.link') }}</router-link>
        <router-link id="to-forgot" :to="{ name: 'forgot' }">{{ t('portal.forgot.link') }}</router-link>
      </p>
    </section>`,
};

export const RegisterView = {
  name: 'RegisterView',
  components: { ProblemMessage },
  setup() {
    const policy = usePolicy();
    const form = reactive({ name: '', email: '', password: '', confirm: '' });
    const problem = ref(null);
    const mismatch = ref(false);
    const sent = ref(false);
    const busy = ref(false);
    async function submit() {
      mismatch.value = form.password !== form.confirm;
      if (mismatch.value) return;
      busy.value = true;
      problem.value = null;
      try {
        await post('/api/v1/portal/account/registrations', {
          name: form.name, email: form.email, password: form.password, language: language(),
        });
        sent.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    return { t, policy, form, problem, mismatch, sent, busy, submit };
  },
  template: `
    <section class="portal-card">
      <h1>{{ t('portal.register.title') }}</h1>
      <div v-if="sent" id="register-sent" class="notice ok" role="status">{{ t('portal.register.sent', { email: form.email }) }}</div>
      <template v-else>
        <ProblemMessage id="register-problem" :problem="problem" />
        <form @submit.prevent="submit" class="portal-form">
          <label>{{ t('portal.field.name') }}<input id="register-name" v-model="form.name" autocomplete="name" maxlength="100"></label>
          <label>{{ t('portal.field.email') }}<input id="register-email" v-model="form.email" type="email" autocomplete="email" required maxlength="254"></label>
          <label>{{ t('portal.field.password') }}<input id="register-password" v-model="form.password" type="password" autocomplete="new-password" required maxlength="128"></label>
          <p v-if="policy" class="hint">{{ t('portal.password.rules', policy) }}</p>
          <label>{{ t('portal.field.confirm') }}<input id="register-confirm" v-model="form.confirm" type="password" autocomplete="new-password" required maxlength="128" :aria-invalid="mismatch"></label>
          <p v-if="mismatch" class="field-error" role="alert">{{ t('portal.password.mismatch') }}</p>
          <button id="register-submit" class="primary" :disabled="busy">{{ t('portal.register.submit') }}</button>
        </form>
      </template>
      <p class="portal-links"><router-link :to="{ name: 'sign-in' }">{{ t('portal.signIn.link') }}</router-link></p>
    </section>`,
};

// The link proves the mailbox; the password proves the registrant (or, for a new
// address, the account's holder), so a link someone else asked for verifies nothing.
export const VerifyView = {
  name: 'VerifyView',
  components: { ProblemMessage },
  setup() {
    const token = linkToken();
    const password = ref('');
    const state = ref('form');
    const problem = ref(null);
    async function submit() {
      state.value = 'busy';
      problem.value = null;
      try {
        await post('/api/v1/portal/account/verifications', { token, password: password.value });
        state.value = 'done';
        history.replaceState(null, '', location.pathname);
      } catch (failure) {
        problem.value = failure;
        state.value = 'form';
      }
    }
    return { t, password, state, problem, submit };
  },
  template: `
    <section class="portal-card">
      <h1>{{ t('portal.verify.title') }}</h1>
      <div v-if="state === 'done'" id="verify-done" class="notice ok" role="status">{{ t('portal.verify.done') }}</div>
      <template v-else>
        <p class="muted">{{ t('portal.verify.intro') }}</p>
        <ProblemMessage id="verify-problem" :problem="problem" />
        <form @submit.prevent="submit" class="portal-form">
          <label>{{ t('portal.field.password') }}<input id="verify-password" v-model="password" type="password" autocomplete="current-password" required maxlength="128"></label>
          <button id="verify-submit" class="primary" :disabled="state === 'busy'">{{ state === 'busy' ? t('portal.verify.busy') : t('portal.verify.submit') }}</button>
        </form>
      </template>
      <p class="portal-links"><router-link id="verify-sign-in" :to="{ name: 'sign-in' }">{{ t('portal.signIn.link') }}</router-link></p>
    </section>`,
};

export const ForgotView = {
  name: 'ForgotView',
  components: { ProblemMessage },
  setup() {
    const email = ref('');
    const sent = ref(false);
    const problem = ref(null);
    async function submit() {
      problem.value = null;
      try {
        await post('/api/v1/portal/account/password-resets', { email: email.value });
        sent.value = true;
      } catch (failure) {
        problem.value = failure;
      }
    }
    return { t, email, sent, problem, submit };
  },
  template: `
    <section class="portal-card">
      <h1>{{ t('portal.forgot.title') }}</h1>
      <div v-if="sent" id="forgot-sent" class="notice ok" role="status">{{ t('portal.forgot.sent') }}</div>
      <template v-else>
        <p class="muted">{{ t('portal.forgot.intro') }}</p>
        <ProblemMessage :problem="problem" />
        <form @submit.prevent="submit" class="portal-form">
          <label>{{ t('portal.field.email') }}<input id="forgot-email" v-model="email" type="email" autocomplete="email" required></label>
          <button id="forgot-submit" class="primary">{{ t('portal.forgot.submit') }}</button>
        </form>
      </template>
      <p class="portal-links"><router-link :to="{ name: 'sign-in' }">{{ t('portal.signIn.link') }}</router-link></p>
    </section>`,
};

export const ResetView = {
  name: 'ResetView',
  components: { ProblemMessage },
  setup() {
    const policy = usePolicy();
    const route = useRoute();
    const form = reactive({ password: '', confirm: '' });
    const problem = ref(null);
    const mismatch = ref(false);
    const done = ref(false);
    // another reset link opened in this tab changes only the hash (no reload): the form
    // is shown again for it, and the token is read from the address when it is sent
    watch(() => route.hash, () => {
      if (!linkToken()) return;
      done.value = false;
      problem.value = null;
      mismatch.value = false;
      form.password = '';
      form.confirm = '';
    });
    async function submit() {
      mismatch.value = form.password !== form.confirm;
      if (mismatch.value) return;
      problem.value = null;
      try {
        await post('/api/v1/portal/account/password-resets/confirm', { token: linkToken(), password: form.password });
        done.value = true;
        history.replaceState(null, '', location.pathname);
      } catch (failure) {
        problem.value = failure;
      }
    }
    return { t, policy, form, problem, mismatch, done, submit };
  },
  template: `
    <section class="portal-card">
      <h1>{{ t('portal.reset.title') }}</h1>
      <div v-if="done" id="reset-done" class="notice ok" role="status">{{ t('portal.reset.done') }}</div>
      <template v-else>
        <ProblemMessage id="reset-problem" :problem="problem" />
        <form @submit.prevent="submit" class="portal-form">
          <label>{{ t('portal.field.newPassword') }}<input id="reset-password" v-model="form.password" type="password" autocomplete="new-password" required maxlength="128"></label>
          <p v-if="policy" class="hint">{{ t('portal.password.rules', policy) }}</p>
          <label>{{ t('portal.field.confirm') }}<input id="reset-confirm" v-model="form.confirm" type="password" autocomplete="new-password" required maxlength="128" :aria-invalid="mismatch"></label>
          <p v-if="mismatch" class="field-error" role="alert">{{ t('portal.password.mismatch') }}</p>
          <button id="reset-submit" class="primary">{{ t('portal.reset.submit') }}</button>
        </form>
      </template>
      <p class="portal-links"><router-link :to="{ name: 'sign-in' }">{{ t('portal.signIn.link') }}</router-link></p>
    </section>`,
};
