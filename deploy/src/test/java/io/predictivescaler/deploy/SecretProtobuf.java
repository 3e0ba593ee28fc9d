package io.predictivescaler.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a Secret sent as Kubernetes protobuf ({@code application/vnd.kubernetes.protobuf}) into
 * its JSON form. Helm's release storage writes its Secrets that way and fabric8's mock server reads
 * JSON only. A Secret field other than those a release Secret carries fails; of the metadata, the
 * fields the server sets itself (timestamps, generation, owners, managed fields) are dropped.
 */
final class SecretProtobuf {

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private final byte[] bytes;
  private int position;
  private final int end;
  private int wireType;

  private SecretProtobuf(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  static Map<String, Object> decode(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, 4), MAGIC)) {
      throw new IllegalArgumentException("not a Kubernetes protobuf body (no k8s\\0 prefix)");
    }
    SecretProtobuf unknown = new SecretProtobuf(body, MAGIC.length, body.length);
    String kind = "";
    String apiVersion = "";
    byte[] raw = null;
    while (unknown.hasMore()) {
      int field = unknown.tag();
      switch (field) {
        case 1 -> {
          SecretProtobuf typeMeta = unknown.message();
          while (typeMeta.hasMore()) {
            int f = typeMeta.tag();
            if (f == 1) {
              apiVersion = typeMeta.string();
            } else if (f == 2) {
              kind = typeMeta.string();
            } else {
              throw unexpected("TypeMeta", f);
            }
          }
        }
        case 2 -> raw = unknown.bytes();
        default -> unknown.bytes();
      }
    }
    if (!kind.equals("Secret") || raw == null) {
      throw new IllegalArgumentException("only Secrets are decoded, got kind " + kind);
    }
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("apiVersion", apiVersion);
    secret.put("kind", kind);
    new SecretProtobuf(raw, 0, raw.length).secretInto(secret);
    return secret;
  }

  private void secretInto(Map<String, Object> secret) {
    Map<String, String> data = new LinkedHashMap<>();
    while (hasMore()) {
      int field = tag();
      switch (field) {
        case 1 -> secret.put("metadata", message().objectMeta());
        case 2 -> {
          SecretProtobuf entry = message();
          String key = "";
          byte[] value = new byte[0];
          while (entry.hasMore()) {
            int f = entry.tag();
            if (f == 1) {
              key = entry.string();
            } else if (f == 2) {
              value = entry.bytes();
            } else {
              throw unexpected("Secret.data", f);
            }
          }
          data.put(key, Base64.getEncoder().encodeToString(value));
        }
        case 3 -> secret.put("type", string());
        case 5 -> secret.put("immutable", varint() != 0);
        default -> throw unexpected("Secret", field);
      }
    }
    secret.put("data", data);
  }

  private Map<String, Object> objectMeta() {
    Map<String, Object> meta = new LinkedHashMap<>();
    while (hasMore()) {
      int field = tag();
      switch (field) {
        case 1 -> putIfSet(meta, "name", string());
        case 2 -> putIfSet(meta, "generateName", string());
        case 3 -> putIfSet(meta, "namespace", string());
        case 5 -> putIfSet(meta, "uid", string());
        case 6 -> putIfSet(meta, "resourceVersion", string());
        case 11 -> message().entryInto(meta, "labels");
        case 12 -> message().entryInto(meta, "annotations");
        default -> skip(); // timestamps, generation, owners, managed fields: the server's own
      }
    }
    return meta;
  }

  @SuppressWarnings("unchecked")
  private void entryInto(Map<String, Object> meta, String mapName) {
    Map<String, String> map =
        (Map<String, String>) meta.computeIfAbsent(mapName, k -> new LinkedHashMap<>());
    String key = "";
    String value = "";
    while (hasMore()) {
      int field = tag();
      if (field == 1) {
        key = string();
      } else if (field == 2) {
        value = string();
      } else {
        throw unexpected("ObjectMeta." + mapName, field);
      }
    }
    map.put(key, value);
  }

  private static void putIfSet(Map<String, Object> meta, String key, String value) {
    if (!value.isEmpty()) {
      meta.put(key, value);
    }
  }

  private boolean hasMore() {
    return position < end;
  }

  private int tag() {
    long key = varint();
    wireType = (int) (key & 7);
    return (int) (key >>> 3);
  }

  private long varint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }

  private byte[] bytes() {
    if (wireType != 2) {
      throw new IllegalArgumentException(
          "expected a length-delimited field, wire type " + wireType);
    }
    int length = (int) varint();
    byte[] value = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  private String string() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  private SecretProtobuf message() {
    int length = (int) varint();
    SecretProtobuf inner = new SecretProtobuf(bytes, position, position + length);
    position += length;
    return inner;
  }

  private void skip() {
    switch (wireType) {
      case 0 -> varint();
      case 1 -> position += 8;
      case 2 -> {
        int length = (int) varint();
        position += length;
      }
      case 5 -> position += 4;
      default -> throw new IllegalArgumentException("protobuf wire type " + wireType);
    }
  }

  private static IllegalArgumentException unexpected(String message, int field) {
    return new IllegalArgumentException(message + ": unexpected protobuf field " + field);
  }
}
