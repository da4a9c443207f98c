//! The `cakefactory` binary: command-line entry point.

fn main() -> std::process::ExitCode {
    cakefactory::cli::main()
}
