/**
 * Live chat: channels (website widget, API), visitors, conversations and their
 * transcripts, attachments, and the realtime gateway that carries messages between
 * visitors and agents (docs/protocol.md).
 */
package dev.parley.conversations;
