// Saved ticket views (GET/POST/DELETE /api/v1/ticket-views): the current view, filter and
// order kept under a name, for oneself or shared with everyone. A chip applies one; its ✕
// deletes it (one's own; the server refuses the rest).
import { ref, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { session } from '../session.js';
import { filterFields, viewFilter, apiSort, consoleSort } from './ticketQuery.js';

export default {
  name: 'TicketSavedViews',
  components: { ProblemMessage, ModalDialog },
  props: { view: String, form: Object, sort: String, active: [Number, String] },
  emits: ['apply'],
  setup(props, { emit }) {
    const views = ref([]);
    const available = ref(true);
    const saving = ref(false);
    const name = ref('');
    const shared = ref(false);
    const busy = ref(false);
    const problem = ref(null);
    const myId = session.me.user.id;

    async function load() {
      try {
        const answer = await get('/api/v1/ticket-views');
        views.value = Array.isArray(answer) ? answer : (answer && answer.items) || [];
        available.value = true;
      } catch {
        available.value = false;
      }
    }
    onMounted(load);

    const mine = (v) => v.ownerId === undefined || v.ownerId === myId || (v.owner && v.owner.id === myId);

    function apply(v) {
      const filters = v.filters || v.filter || {};
      emit('apply', { id: v.id, form: viewFilter(v), view: filters.view || v.view || null, sort: consoleSort(filters) });
    }

    async function save() {
      if (!name.value.trim() || busy.value) return;
      busy.value = true;
      problem.value = null;
      try {
        const filter = Object.assign({ view: props.view }, filterFields(props.form), apiSort(props.sort));
        const created = await post('/api/v1/ticket-views', { name: name.value.trim(), shared: shared.value, filter });
        saving.value = false;
        name.value = '';
        shared.value = false;
        await load();
        if (created && created.id) emit('apply', { id: created.id, form: viewFilter(created), view: null, sort: null });
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function remove(v) {
      problem.value = null;
      try {
        await del('/api/v1/ticket-views/' + v.id);
        if (props.active === v.id) emit('apply', null);
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }

    return { views, available, saving, name, shared, busy, problem, mine, apply, save, remove, t };
  },
  template: `
    <div class="saved-views" id="ticket-saved-views" v-if="available">
      <span class="small muted">{{ t('tickets.saved.title') }}</span>
      <span v-for="v in views" :key="v.id" class="saved-view" :class="{ active: active === v.id }" :data-saved-view="v.id">
        <button type="button" class="link" @click="apply(v)">{{ v.name }}</button>
        <span v-if="v.shared" class="badge" :title="t('tickets.saved.sharedHint')">{{ t('tickets.saved.shared') }}</span>
        <button v-if="mine(v)" type="button" class="link remove" :aria-label="t('tickets.saved.delete', { name: v.name })"
          @click="remove(v)">✕</button>
      </span>
      <span v-if="!views.length" class="small muted">{{ t('tickets.saved.none') }}</span>
      <button id="ticket-save-view" type="button" class="small" @click="saving = true">{{ t('tickets.saved.save') }}</button>
      <ProblemMessage :problem="problem" v-if="!saving" />
      <ModalDialog v-if="saving" :title="t('tickets.saved.save')" title-id="save-view-title" @close="saving = false">
        <form @submit.prevent="save">
          <div class="field">
            <label for="save-view-name">{{ t('tickets.saved.name') }}</label>
            <input id="save-view-name" type="text" v-model="name" maxlength="100">
          </div>
          <label class="check"><input id="save-view-shared" type="checkbox" v-model="shared"> {{ t('tickets.saved.shareWithAll') }}</label>
          <p class="hint small muted">{{ t('tickets.saved.hint') }}</p>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="save-view-submit" class="primary" type="submit" :disabled="busy || !name.trim()">{{ t('action.save') }}</button>
            <button type="button" @click="saving = false">{{ t('action.cancel') }}</button>
          </div>
        </form>
      </ModalDialog>
    </div>`,
};
