package io.predictivescaler.core.opsauth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a bearer token belongs to, as the Kubernetes API's TokenReview reported it; handed unchanged
 * to the SubjectAccessReview.
 *
 * @param username e.g. {@code system:serviceaccount:monitoring:prometheus}
 * @param uid the user's uid; empty when the authenticator gives none
 * @param groups e.g. {@code system:serviceaccounts}
 * @param extra further attributes the authenticator gives, e.g. the pod the token is bound to
 */
public record ReviewedUser(
    String username, String uid, List<String> groups, Map<String, List<String>> extra) {

  public ReviewedUser {
    Objects.requireNonNull(username, "username");
    uid = uid == null ? "" : uid;
    groups = groups == null ? List.of() : List.copyOf(groups);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }
}
