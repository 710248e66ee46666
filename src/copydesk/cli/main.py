"""The ``copydesk`` command: check, fix, rules, explain, config, init, server.

``main(argv) -> int`` is the whole interface; every user-facing problem is a
CopydeskError, printed once as ``copydesk: error: <path>: <reason>`` (exit 2);
a usage mistake too is one such line, with a guess at what was meant.
Heavy modules are imported inside the subcommands so ``--version`` and a
one-file run start fast.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Iterable, Sequence
from typing import NoReturn, TextIO

from copydesk.cli.parser import COMMANDS, UsageError, build_parser
from copydesk.errors import CopydeskError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
#: 128 + SIGPIPE, as a shell reports a pipeline member killed by it.
EXIT_BROKEN_PIPE = 141


def entry() -> int:
    """The console script: ``main`` with the collector paused for start-up.

    Loading the packs makes hundreds of thousands of long-lived objects; a
    collection in the middle walks them all for nothing. A run over many files
    turns it back on once they are loaded (``batch.settle_heap``); a one-file
    run, short-lived, leaves it off and relies on reference counting. A
    finished run leaves without the interpreter's teardown (``leave``).
    """
    gc.disable()
    code = main()
    # No thread is started but through ``threading`` (imported only by a
    # run that may start one, a millisecond of a one-file start otherwise).
    threading = sys.modules.get("threading")
    if threading is None or threading.active_count() == 1:
        leave(code)
    return code  # a thread still runs: the interpreter waits for it


def leave(code: int) -> NoReturn:
    """End the process now, as the interpreter would, minus its teardown.

    Teardown frees, one at a time, every object the run made (the lexicon's
    137,000 words, the compiled rules, the modules): 60 M instructions, a
    twentieth of a one-file run, for memory the system takes back at once.
    What of it matters is done here: the ``atexit`` handlers run (temporary
    folders, executors, coverage) and the standard streams are flushed.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except ValueError:  # closed
            pass
        except OSError:  # the reader went away (``copydesk check | head``)
            code = code or EXIT_BROKEN_PIPE
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run copydesk; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "vale":
        # Vale's options are its own (pflag-style): argparse never sees them.
        from copydesk.vale.cli import main as vale_main

        return vale_main(args_list[1:])
    parser = build_parser(command_of(args_list))
    try:
        args = parse(parser, args_list)
    except UsageError as exc:
        error(str(exc), sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # --help and --version
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_CLEAN
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return _dispatch(args)
    except CopydeskError as exc:
        error(str(exc), sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        error("interrupted", sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``copydesk check | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        error(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set COPYDESK_DEBUG=1 for the traceback, and please report it)",
            sys.stderr,
        )
        return EXIT_ERROR


def command_of(args: Sequence[str]) -> str | None:
    """The subcommand a command line runs, when its first word says so
    (``check`` for a path); None when it starts with an option or is empty."""
    if not args or args[0].startswith("-"):
        return None
    return args[0] if args[0] in COMMANDS else "check"


def parse(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """The command line, ``check`` when no command is named; UsageError, with a
    guess, for a mistyped command or option."""
    commands = subcommands(parser)
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        refuse_mistyped_command(args[0], COMMANDS)
        args = ["check", *args]
    namespace, extras = parser.parse_known_args(args)
    if extras:
        raise UsageError(unknown_argument(extras[0], commands.get(namespace.command)))
    return namespace


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every subcommand's parser by name (whoever added it)."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def refuse_mistyped_command(word: str, commands: Iterable[str]) -> None:
    """``copydesk chek f.txt`` is a typo, not a file called ``chek``.

    The rule: a first word that is not a command is a path for ``check``,
    unless no such file exists and it is close to a command's name.
    """
    from copydesk.suggest import closest

    if word == "-" or os.path.lexists(word):
        return
    guess = closest(word, commands)
    if guess is not None:
        raise UsageError(
            f"{word!r} is neither a command nor a file (did you mean {guess!r}?)"
        )


def unknown_argument(word: str, command: argparse.ArgumentParser | None) -> str:
    """The one-line error for an argument no parser took."""
    from copydesk.suggest import closest

    if not word.startswith("-") or command is None:
        return f"unexpected argument {word!r}"
    name = word.split("=", 1)[0]
    # Compared without the dashes every option shares, which would make any
    # two long options look alike.
    known = {o.lstrip("-"): o for a in command._actions for o in a.option_strings}
    guess = closest(name.lstrip("-"), known)
    if guess is None:
        return f"unknown option {name!r} (see {command.prog} --help)"
    return f"unknown option {name!r} (did you mean {known[guess]!r}?)"


def _dispatch(args: argparse.Namespace) -> int:
    """Run the chosen subcommand (each imported only when chosen)."""
    if args.command == "rules":
        from copydesk.cli import rules

        return rules.run(args, sys.stdout)
    if args.command == "explain":
        from copydesk.cli import explain

        return explain.run(args, sys.stdout)
    if args.command == "server":
        from copydesk.server import serve

        return serve()
    if args.command == "config":
        from copydesk.cli import config_cmd

        return config_cmd.run(args, sys.stdout)
    if args.command == "init":
        from copydesk.cli import init

        return init.run(args, sys.stdout, sys.stderr)
    if args.command == "baseline":
        from copydesk.cli import baseline

        return baseline.run(args, sys.stderr)
    from copydesk.cli import check

    return check.run(args, sys.stdout, sys.stderr)


def error(message: str, stream: TextIO) -> None:
    """Print one error line."""
    print(f"copydesk: error: {message}", file=stream)


def warning(message: str, stream: TextIO) -> None:
    """Print one warning line: something was ignored, the run goes on."""
    print(f"copydesk: warning: {message}", file=stream)
