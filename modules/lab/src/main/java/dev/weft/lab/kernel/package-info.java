/** What a lab's namespaces hold, as weft compares it: links, addresses, routes, neighbours, FDB entries, sysctls and rules, whether desired (from the model) or observed (read back from the kernel). */
@NullMarked
package dev.weft.lab.kernel;

import org.jspecify.annotations.NullMarked;
