// The internal notes of one conversation, and the timeline that puts them between the
// messages by time (a note goes after messages of the same instant).
import { ref, computed } from 'vue';
import { get } from '../../../shared/js/api.js';

function instant(value) {
  const parsed = value ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed;
}

/** id: the conversation; messages: a ref of its messages by seq. */
export function useNotes(id, messages) {
  const notes = ref([]);

  /** Adds or replaces notes of this conversation; true when one was new. */
  function addNotes(list) {
    let added = false;
    for (const note of list || []) {
      if (!note || note.id === undefined || note.id === null) continue;
      if (note.conversationId !== undefined && note.conversationId !== id) continue;
      const index = notes.value.findIndex((entry) => entry.id === note.id);
      if (index >= 0) {
        notes.value[index] = note;
      } else {
        notes.value.push(note);
        added = true;
      }
    }
    if (added) notes.value.sort((a, b) => instant(a.createdAt) - instant(b.createdAt) || a.id - b.id);
    return added;
  }

  /** The notes so far (quietly nothing when they cannot be read). */
  async function loadNotes() {
    try {
      const list = await get('/api/v1/conversations/' + id + '/notes');
      addNotes(Array.isArray(list) ? list : (list && list.items) || []);
    } catch {
      // not available to this person (or not yet on this server): no notes shown
    }
  }

  const timeline = computed(() => {
    const entries = [];
    const list = notes.value;
    let next = 0;
    for (const message of messages.value) {
      const at = instant(message.createdAt);
      while (next < list.length && instant(list[next].createdAt) < at) {
        entries.push({ key: 'n' + list[next].id, note: list[next] });
        next += 1;
      }
      entries.push({ key: 's' + message.seq, message });
    }
    for (; next < list.length; next += 1) entries.push({ key: 'n' + list[next].id, note: list[next] });
    return entries;
  });

  return { notes, addNotes, loadNotes, timeline };
}
