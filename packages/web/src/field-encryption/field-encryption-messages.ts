import type { Messages } from '../i18n/languages.ts';

/** Words of encrypted fields on the record screens (namespace `fieldEncryption`). */
export const fieldEncryptionMessages: Messages = {
  'zh-CN': {
    encrypted: '已加密',
    encryptedHint: '此字段加密存储，仅对有权查看明文的人解密',
    redacted: '已删除',
    redactedHint: '此人的数据已按删除请求销毁（密钥已销毁）',
    withheld: '不予显示',
    errors: {
      DECRYPT_FAILED: '一个加密值无法解密（可能被复制或篡改），请联系管理员',
      KEK_MISMATCH: '服务器的主密钥与数据不符，请联系管理员',
      KEY_VERSION_UNKNOWN: '加密值使用了未知的密钥版本，请联系管理员',
      FIELD_ENCRYPTED: '该字段已加密，不能用于此操作',
    },
  },
  'en-US': {
    encrypted: 'encrypted',
    encryptedHint: 'Stored encrypted; decrypted only for people allowed to read it in clear',
    redacted: 'erased',
    redactedHint: "This person's data was erased on request (their key was destroyed)",
    withheld: 'withheld',
    errors: {
      DECRYPT_FAILED:
        'An encrypted value does not open (copied or tampered with); contact your administrator',
      KEK_MISMATCH: "The server's master key does not match the data; contact your administrator",
      KEY_VERSION_UNKNOWN:
        'An encrypted value names an unknown key version; contact your administrator',
      FIELD_ENCRYPTED: 'This field is encrypted and cannot be used for this',
    },
  },
};
