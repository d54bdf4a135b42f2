import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentFileNameOf, attachmentRefusalOf } from './incident-attachments.ts';

test('a file name is kept without its path, control characters, quotes or slashes', () => {
  assert.equal(attachmentFileNameOf('C:\\Users\\maja\\Skärmbild 2026-11-23.png'), 'Skärmbild 2026-11-23.png');
  assert.equal(attachmentFileNameOf('../../etc/passwd'), 'passwd');
  assert.equal(attachmentFileNameOf('hot"\r\n.png'), 'hot.png');
  assert.equal(attachmentFileNameOf(''), 'bilaga');
  assert.equal(attachmentFileNameOf(undefined), 'bilaga');
});

test('a long file name is cut to 200 characters and keeps its extension', () => {
  const name = attachmentFileNameOf(`${'a'.repeat(300)}.jpeg`);
  assert.equal(name.length, 200);
  assert.ok(name.endsWith('.jpeg'));
});

test('the browser refuses what the server would: unknown types, empty and too large files', () => {
  const max = 10;
  assert.equal(attachmentRefusalOf({ name: 'a.png', type: 'image/png', size: 10 }, max), null);
  assert.equal(attachmentRefusalOf({ name: 'IMG_1.HEIC', type: '', size: 5 }, max), null);
  assert.equal(attachmentRefusalOf({ name: 'a.txt', type: 'text/plain', size: 5 }, max), 'wrong_type');
  assert.equal(attachmentRefusalOf({ name: 'a.pdf', type: 'application/pdf', size: 0 }, max), 'empty');
  assert.equal(attachmentRefusalOf({ name: 'a.jpg', type: 'image/jpeg', size: 11 }, max), 'too_large');
});
