/** Reads Kubernetes manifests (multi-document YAML, JSON, kind List, directories) into the neutral model. */
@NullMarked
package dev.weft.policy.manifest;

import org.jspecify.annotations.NullMarked;
