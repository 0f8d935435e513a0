// One network list (allow or deny): its entries with who added them and until when, and
// a form to add an address or CIDR range with a note and an optional expiry.
import { reactive } from 'vue';
import { t, formatInstant, zonedInstant } from '../../../shared/js/i18n.js';

export default {
  name: 'NetworkListEditor',
  props: {
    list: { type: String, required: true },
    title: { type: String, required: true },
    help: { type: String, required: true },
    entries: { type: Array, required: true },
    timeZone: { type: String, required: true },
    busy: { type: Boolean, default: false },
    // adds an entry; resolves to whether it was added (the form is kept for a correction)
    save: { type: Function, required: true },
  },
  emits: ['remove'],
  setup(props) {
    const form = reactive({ range: '', note: '', expires: '' });

    async function add() {
      const added = await props.save({
        list: props.list, range: form.range.trim(), note: form.note.trim() || null,
        expiresAt: zonedInstant(form.expires, props.timeZone),
      });
      if (added) Object.assign(form, { range: '', note: '', expires: '' });
    }

    return { form, add, formatInstant, t };
  },
  template: `
    <section class="network-list" :data-list="list">
      <h3>{{ title }}</h3>
      <p class="muted small">{{ help }}</p>
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr><th>{{ t('security.range') }}</th><th>{{ t('security.note') }}</th><th>{{ t('security.addedBy') }}</th>
              <th>{{ t('security.expires') }}</th><th></th></tr>
          </thead>
          <tbody>
            <tr v-for="entry in entries" :key="entry.id" :data-entry="entry.range">
              <td><code>{{ entry.range }}</code></td>
              <td class="wrap small">{{ entry.note }}</td>
              <td class="small">{{ entry.createdBy }} · {{ formatInstant(entry.createdAt, timeZone) }}</td>
              <td class="small">{{ entry.expiresAt ? formatInstant(entry.expiresAt, timeZone) : t('security.never') }}
                <span class="badge off" v-if="!entry.inForce">{{ t('security.expired') }}</span></td>
              <td><button type="button" class="danger" :disabled="busy" @click="$emit('remove', entry)">{{ t('security.remove') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!entries.length">{{ t('security.emptyList') }}</div>
      </div>
      <form class="toolbar" @submit.prevent="add" style="margin-top:.75rem">
        <div class="grow">
          <label :for="list + '-range'">{{ t('security.range') }}</label>
          <input :id="list + '-range'" type="text" v-model="form.range" maxlength="64" required placeholder="192.0.2.0/24">
        </div>
        <div class="grow">
          <label :for="list + '-note'">{{ t('security.note') }}</label>
          <input :id="list + '-note'" type="text" v-model="form.note" maxlength="500">
        </div>
        <div>
          <label :for="list + '-expires'">{{ t('security.expires') }}</label>
          <input :id="list + '-expires'" type="datetime-local" v-model="form.expires">
        </div>
        <button :id="list + '-add'" type="submit" :disabled="busy">{{ t('security.add') }}</button>
      </form>
    </section>`,
};
