/**
 * The {@code sss} command line: one picocli command class per verb, each a
 * {@code Callable<Integer>} returning one of {@link org.sss.tools.cli.ExitCodes}.
 */
package org.sss.tools.cli;
