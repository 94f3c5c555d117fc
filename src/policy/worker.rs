//! Custom policies run in a child process: a worker.
//!
//! A user's Rego can ask for more memory than the machine has in one call (`numbers.range(1, 2e9)`,
//! a chain of `concat` that doubles a string, a comprehension over a huge range). Rust cannot turn a
//! failed allocation into an error: it aborts the process, and regorus (0.14) has no per-evaluation
//! memory limit for its interpreter. So the policies that the user brings are evaluated by a worker,
//! this same binary started with [`WORKER_ARG`], whose address space is capped at
//! [`MEMORY_LIMIT`]. A policy that goes past it ends the worker, not the scan: the parent reports an
//! error for that policy, starts a new worker for the next one, and the other policies' findings
//! are still reported. The parent also stops a worker that does not answer within the time budget,
//! whatever regorus's own timer does.
//!
//! The built-in policies are evaluated in the scanning process (they are reviewed and bounded).
//!
//! The protocol is lines on the worker's standard input and output. Requests are a word and its
//! argument; answers are JSON objects:
//! - `hello {"timeout_ms": …, "memory_limit": …, "files": [[path, text], …]}`, once;
//!   answer `{"ready": true}` or `{"error": "…"}`.
//! - `input <model as JSON>` (no answer: regorus reads the JSON text directly), then for each policy
//!   `eval data.p.deny`; answer `{"value": <result>}` or `{"error": "…"}`.
//!
//! Knows nothing of the model beyond passing it on as JSON.

use super::Registry;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The first argument that makes the binary a policy worker (hidden from `--help`).
pub const WORKER_ARG: &str = "__policy-worker";

/// The address space a policy worker may use: 2 GiB. It holds the model of one root module and what
/// the policies build from it; the largest model measured (10,000 resources) needs far less.
pub const MEMORY_LIMIT: u64 = 2 << 30;

/// How custom policies are evaluated out of process.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The program to start (the running binary), given [`WORKER_ARG`] as its only argument.
    pub program: PathBuf,
    /// Address-space limit of each worker, in bytes.
    pub memory_limit: u64,
}

impl Isolation {
    /// Workers started from the running binary, with the default memory limit.
    pub fn current_exe() -> std::io::Result<Isolation> {
        Ok(Isolation {
            program: std::env::current_exe()?,
            memory_limit: MEMORY_LIMIT,
        })
    }
}

/// A running worker.
pub(super) struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    replies: mpsc::Receiver<String>,
    memory_limit: u64,
}

/// Why a worker gave no answer: an error the policy caused (its evaluation failed, or the worker
/// died or was stopped while running it), in words.
pub(super) type Failure = String;

impl Worker {
    /// Starts a worker that loads `files` (every policy and library, built-in and custom).
    pub(super) fn start(
        isolation: &Isolation,
        files: &[(&str, &str)],
        timeout: Duration,
    ) -> Result<Worker, String> {
        let mut child = Command::new(&isolation.program)
            .arg(WORKER_ARG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start the policy worker {}: {e}",
                    isolation.program.display()
                )
            })?;
        let stdout = child.stdout.take().ok_or("policy worker has no stdout")?;
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout);
            loop {
                let mut line = String::new();
                match lines.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        let mut worker = Worker {
            stdin: child.stdin.take(),
            child,
            replies,
            memory_limit: isolation.memory_limit,
        };
        let hello = serde_json::json!({
            "timeout_ms": u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX),
            "memory_limit": isolation.memory_limit,
            "files": files,
        });
        match worker.request("hello", &hello.to_string(), timeout) {
            Ok(reply) if reply.get("ready").is_some() => Ok(worker),
            Ok(reply) => Err(reply
                .get("error")
                .and_then(|e| e.as_str())
                .unwrap_or("the policy worker did not start")
                .to_string()),
            Err(e) => Err(format!("the policy worker did not start: {e}")),
        }
    }

    /// Gives the worker the model (JSON text on one line) that the next evaluations read.
    pub(super) fn set_input(&mut self, model: &str) -> Result<(), Failure> {
        self.send("input", model)
    }

    /// Evaluates one rule (`data.pkg.deny`) and returns its value as JSON.
    pub(super) fn eval(
        &mut self,
        rule: &str,
        timeout: Duration,
    ) -> Result<serde_json::Value, Failure> {
        let reply = self.request("eval", rule, timeout)?;
        match (reply.get("value"), reply.get("error")) {
            (Some(v), _) => Ok(v.clone()),
            (None, Some(e)) => Err(e.as_str().unwrap_or("").to_string()),
            _ => Err("the policy worker answered nonsense".into()),
        }
    }

    /// Sends one request line: `word argument`. The argument holds no line break (JSON text as
    /// serde_json writes it, or a rule path).
    fn send(&mut self, word: &str, argument: &str) -> Result<(), Failure> {
        let Some(stdin) = self.stdin.as_mut() else {
            return Err(self.death());
        };
        let line = format!("{word} {argument}\n");
        if stdin
            .write_all(line.as_bytes())
            .and_then(|()| stdin.flush())
            .is_err()
        {
            return Err(self.death());
        }
        Ok(())
    }

    fn request(
        &mut self,
        word: &str,
        argument: &str,
        timeout: Duration,
    ) -> Result<serde_json::Value, Failure> {
        self.send(word, argument)?;
        // The worker's own timer stops an evaluation at `timeout`; this is the backstop for work that
        // timer does not see (one long builtin call), with room for the worker's start.
        let deadline = timeout.saturating_mul(2) + Duration::from_secs(2);
        match self.replies.recv_timeout(deadline) {
            Ok(line) => serde_json::from_str(&line)
                .map_err(|e| format!("the policy worker answered nonsense: {e}")),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                self.stop();
                Err(format!(
                    "exceeded the time limit of {} s and was stopped",
                    timeout.as_secs_f64()
                ))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(self.death()),
        }
    }

    fn stop(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// What ended the worker, in words.
    fn death(&mut self) -> String {
        self.stdin = None;
        let status = self.child.wait();
        let mut stderr = String::new();
        if let Some(err) = self.child.stderr.as_mut() {
            let _ = err.take(64 * 1024).read_to_string(&mut stderr);
        }
        let last = stderr
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty() && !l.starts_with("at ") && !l.starts_with("note:"))
            .unwrap_or("");
        if stderr.contains("memory allocation of") {
            let what = stderr
                .lines()
                .find(|l| l.contains("memory allocation of"))
                .unwrap_or("")
                .trim();
            return format!(
                "needed more memory than a policy may use ({} MiB) and was stopped ({what})",
                self.memory_limit >> 20
            );
        }
        match status {
            Ok(s) if last.is_empty() => format!("stopped its evaluation process ({s})"),
            Ok(s) => format!("stopped its evaluation process ({s}): {last}"),
            Err(e) => format!("stopped its evaluation process: {e}"),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Caps this process's address space (a worker's first act).
#[cfg(unix)]
fn limit_memory(bytes: u64) {
    let mut current = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit read and write only the struct passed to them.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_AS, &mut current) != 0 {
            return;
        }
        let wanted = libc::rlim_t::try_from(bytes).unwrap_or(libc::RLIM_INFINITY);
        // Never above what the parent already had (`ulimit -v`): that would be refused.
        let cap = if current.rlim_max == libc::RLIM_INFINITY {
            wanted
        } else {
            wanted.min(current.rlim_max)
        };
        let limit = libc::rlimit {
            rlim_cur: cap.min(current.rlim_cur),
            rlim_max: current.rlim_max,
        };
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}

/// The worker's main loop: reads requests on stdin, answers on stdout. Returns the exit code.
pub fn serve() -> u8 {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut answer = |v: serde_json::Value| -> bool {
        let mut line = v.to_string();
        line.push('\n');
        out.write_all(line.as_bytes())
            .and_then(|()| out.flush())
            .is_ok()
    };
    let mut line = String::new();
    if input.read_line(&mut line).unwrap_or(0) == 0 {
        return 2;
    }
    let Some(("hello", hello)) = line.trim_end().split_once(' ') else {
        answer(serde_json::json!({ "error": "bad request: expected hello" }));
        return 2;
    };
    #[derive(serde::Deserialize)]
    struct Hello {
        timeout_ms: u64,
        memory_limit: u64,
        files: Vec<(String, String)>,
    }
    let hello: Hello = match serde_json::from_str(hello) {
        Ok(h) => h,
        Err(e) => {
            answer(serde_json::json!({ "error": format!("bad request: {e}") }));
            return 2;
        }
    };
    limit_memory(hello.memory_limit);
    let mut registry = match Registry::load(hello.files) {
        Ok(r) => r,
        Err(e) => {
            answer(serde_json::json!({ "error": e.to_string() }));
            return 2;
        }
    };
    registry.set_timeout(Duration::from_millis(hello.timeout_ms));
    let mut engine = match registry.engine() {
        Ok(e) => e,
        Err(e) => {
            answer(serde_json::json!({ "error": e }));
            return 2;
        }
    };
    let mut failed_input: Option<String> = None;
    if !answer(serde_json::json!({ "ready": true })) {
        return 2;
    }
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return 0,
            Ok(_) => {}
        }
        let reply = match line.trim_end().split_once(' ') {
            Some(("input", model)) => {
                if let Err(e) = engine.set_input_json(model) {
                    // Answered by the next eval: the input is unset, so say why.
                    failed_input = Some(e.to_string());
                } else {
                    failed_input = None;
                }
                continue;
            }
            Some(("eval", _)) if failed_input.is_some() => {
                let e = failed_input.as_deref().unwrap_or_default();
                serde_json::json!({ "error": format!("bad input: {e}") })
            }
            Some(("eval", rule)) => match engine.eval_rule(rule.to_string()) {
                Ok(value) => match serde_json::to_value(&value) {
                    Ok(v) => serde_json::json!({ "value": v }),
                    Err(e) => serde_json::json!({ "error": e.to_string() }),
                },
                Err(e) => serde_json::json!({ "error": e.to_string() }),
            },
            _ => serde_json::json!({ "error": "bad request" }),
        };
        if !answer(reply) {
            return 2;
        }
    }
}
