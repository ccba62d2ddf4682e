/** Injected time: every timer of the core reads a {@link org.sss.core.time.Clock}, so tests can drive it. */
package org.sss.core.time;
