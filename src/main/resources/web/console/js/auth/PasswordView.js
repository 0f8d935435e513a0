// Change one's own password; forced at the first sign-in of an account an administrator
// created, when it expired, or when an administrator reset it. The policy is shown before
// the first attempt.
import { ref, reactive, computed } from 'vue';
import { useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import { session, loadSession, signOut } from '../session.js';

export default {
  name: 'PasswordView',
  components: { ProblemMessage, BrandMark },
  setup() {
    const router = useRouter();
    const form = reactive({ current: '', next: '', confirm: '' });
    const problem = ref(null);
    const mismatch = ref(false);
    const busy = ref(false);
    const done = ref(false);
    const forced = computed(() => !!session.me && session.me.user.passwordChangeRequired);
    const reason = computed(() => (session.me && session.me.passwordChangeReason) || 'reset');
    const policyHint = computed(() => (session.me && session.me.passwordPolicy
      ? t('password.policy.hint', session.me.passwordPolicy) : ''));

    async function submit() {
      problem.value = null;
      done.value = false;
      mismatch.value = form.next !== form.confirm;
      if (mismatch.value) return;
      busy.value = true;
      try {
        await post('/api/v1/session/password', { currentPassword: form.current, newPassword: form.next });
        const wasForced = forced.value;
        Object.assign(form, { current: '', next: '', confirm: '' });
        await loadSession();
        if (wasForced) await router.push({ name: 'home' });
        else done.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function cancel() {
      await signOut().catch(() => null);
      router.push({ name: 'login' });
    }

    return { form, problem, mismatch, busy, done, forced, reason, policyHint, submit, cancel, t };
  },
  template: `
    <component :is="forced ? 'main' : 'div'" :class="{ centered: forced }">
      <div :class="{ panel: forced }">
        <BrandMark v-if="forced" />
        <form class="card" @submit.prevent="submit">
          <h1>{{ t('password.title') }}</h1>
          <div id="pw-reason" class="warning" v-if="forced" :data-reason="reason">{{ t('password.forced.' + reason) }}</div>
          <div class="field">
            <label for="pw-current">{{ t('password.current') }}</label>
            <input id="pw-current" type="password" v-model="form.current" autocomplete="current-password" required>
          </div>
          <div class="field">
            <label for="pw-new">{{ t('password.new') }}</label>
            <input id="pw-new" type="password" v-model="form.next" autocomplete="new-password" required
              aria-describedby="pw-policy">
            <div id="pw-policy" class="small muted">{{ policyHint }}</div>
          </div>
          <div class="field">
            <label for="pw-confirm">{{ t('field.passwordConfirm') }}</label>
            <input id="pw-confirm" type="password" v-model="form.confirm" autocomplete="new-password" required>
          </div>
          <div class="problem" v-if="mismatch" role="alert">{{ t('password.mismatch') }}</div>
          <ProblemMessage :problem="problem" />
          <div class="notice" v-if="done">{{ t('password.changed') }}</div>
          <div class="actions">
            <button id="pw-submit" class="primary" type="submit" :disabled="busy">{{ t('password.submit') }}</button>
            <button v-if="forced" type="button" @click="cancel">{{ t('nav.logout') }}</button>
          </div>
        </form>
      </div>
    </component>`,
};
