// Notes on a customer (staff only): add, and edit or delete one's own.
import { ref, computed } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';

export default {
  name: 'CustomerNotes',
  components: { ProblemMessage },
  props: { customer: Object },
  emits: ['changed'],
  setup(props, { emit }) {
    const text = ref('');
    const editing = ref(null);
    const editText = ref('');
    const problem = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    const base = () => '/api/v1/customers/' + props.customer.id + '/notes';
    async function run(promise) {
      problem.value = null;
      try {
        emit('changed', await promise);
        return true;
      } catch (failure) {
        problem.value = failure;
        return false;
      }
    }
    async function add() {
      if (await run(post(base(), { body: text.value }))) text.value = '';
    }
    function edit(note) {
      editing.value = note.id;
      editText.value = note.body;
    }
    async function saveEdit(note) {
      if (await run(put(base() + '/' + note.id, { body: editText.value }))) editing.value = null;
    }
    const remove = (note) => run(del(base() + '/' + note.id));
    const mine = (note) => note.authorId === session.me.user.id || can('customer.manage');
    return { text, editing, editText, problem, timeZone, add, edit, saveEdit, remove, mine, can, formatInstant, t };
  },
  template: `
    <section class="card">
      <h2>{{ t('customer.notes') }}</h2>
      <ProblemMessage :problem="problem" />
      <form v-if="can('customer.edit')" @submit.prevent="add">
        <textarea id="customer-note" v-model="text" rows="2" maxlength="4000" :aria-label="t('customer.newNote')" :placeholder="t('customer.newNote')"></textarea>
        <div class="actions"><button id="customer-note-add" type="submit" :disabled="!text.trim()">{{ t('customer.addNote') }}</button></div>
      </form>
      <ul id="customer-notes" class="plain-list">
        <li v-for="note in customer.notes" :key="note.id" :data-note="note.id">
          <div class="muted small">{{ note.author || t('customer.formerStaff') }} · {{ formatInstant(note.createdAt, timeZone) }}</div>
          <template v-if="editing === note.id">
            <textarea v-model="editText" rows="2" maxlength="4000" :aria-label="t('action.edit')"></textarea>
            <div class="actions"><button type="button" @click="editing = null">{{ t('action.cancel') }}</button>
              <button type="button" class="primary" @click="saveEdit(note)">{{ t('action.save') }}</button></div>
          </template>
          <template v-else>
            <p class="wrap">{{ note.body }}</p>
            <span v-if="can('customer.edit') && mine(note)">
              <button type="button" class="link small" @click="edit(note)">{{ t('action.edit') }}</button>
              <button type="button" class="link small" @click="remove(note)">{{ t('action.delete') }}</button></span>
          </template>
        </li>
      </ul>
      <p v-if="!customer.notes.length" class="muted small">{{ t('customer.noNotes') }}</p>
    </section>`,
};
