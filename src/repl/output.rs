//! The REPL's output thread. Everything the VM writes comes here, in order. While the
//! VM runs an input, it goes straight to the terminal (stdout and stderr kept apart).
//! While a prompt is shown, whole lines go through rustyline's external printer, which
//! prints them above the line being edited and redraws it; a partial line waits for its
//! end. A barrier lets the VM wait until its output is out before the next prompt.

use crate::vm::output::Stream;
use std::io::Write;
use std::sync::mpsc::{Receiver, SyncSender};

pub enum Out {
    Text {
        stream: Stream,
        bytes: Vec<u8>,
        /// Produced while a prompt may be on the screen.
        at_prompt: bool,
    },
    /// Answered once everything sent before it has been written.
    Barrier(SyncSender<()>),
}

/// Something that can print above the prompt (rustyline's external printer).
pub trait Printer: Send {
    fn print(&mut self, text: String) -> bool;
}

impl<P: rustyline::ExternalPrinter + Send> Printer for P {
    fn print(&mut self, text: String) -> bool {
        rustyline::ExternalPrinter::print(self, text).is_ok()
    }
}

/// Decodes UTF-8 across writes that may split a character.
#[derive(Default)]
struct Decoder {
    carry: Vec<u8>,
}

impl Decoder {
    fn decode(&mut self, bytes: &[u8]) -> String {
        self.carry.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.carry) {
            Ok(_) => self.carry.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.carry.len(),
        };
        let rest = self.carry.split_off(valid);
        let text = String::from_utf8_lossy(&self.carry).into_owned();
        self.carry = rest;
        text
    }
}

fn write_direct(stream: Stream, text: &str, line_open: &mut bool) {
    if let Some(last) = text.chars().last() {
        *line_open = last != '\n';
    }
    match stream {
        Stream::Stdout => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
        }
        Stream::Stderr => {
            let _ = std::io::stdout().flush();
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            let _ = err.flush();
        }
    }
}

/// Runs until every sender is gone.
pub fn output_thread(rx: Receiver<Out>, mut printer: Option<Box<dyn Printer>>) {
    let mut decoders = [Decoder::default(), Decoder::default()];
    // The unfinished last line printed at a prompt, per stream.
    let mut partial = [String::new(), String::new()];
    // The last thing written straight to the terminal did not end its line.
    let mut line_open = false;
    for msg in rx {
        match msg {
            Out::Text {
                stream,
                bytes,
                at_prompt,
            } => {
                let i = (stream == Stream::Stderr) as usize;
                let text = decoders[i].decode(&bytes);
                match (&mut printer, at_prompt) {
                    (Some(p), true) => {
                        partial[i].push_str(&text);
                        if let Some(end) = partial[i].rfind('\n') {
                            let lines: String = partial[i].drain(..=end).collect();
                            if !p.print(lines.clone()) {
                                write_direct(stream, &lines, &mut line_open);
                            }
                        }
                    }
                    _ => {
                        for (j, s) in [Stream::Stdout, Stream::Stderr].into_iter().enumerate() {
                            if !partial[j].is_empty() {
                                let text = std::mem::take(&mut partial[j]);
                                write_direct(s, &text, &mut line_open);
                            }
                        }
                        write_direct(stream, &text, &mut line_open);
                    }
                }
            }
            Out::Barrier(done) => {
                // The prompt starts on a line of its own (`print('x', end='')`).
                if line_open {
                    write_direct(Stream::Stdout, "\n", &mut line_open);
                }
                let _ = done.send(());
            }
        }
    }
    for (j, s) in [Stream::Stdout, Stream::Stderr].into_iter().enumerate() {
        if !partial[j].is_empty() {
            write_direct(s, &partial[j], &mut line_open);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Decoder;

    #[test]
    fn split_characters_are_joined() {
        let mut d = Decoder::default();
        let bytes = "héllo".as_bytes();
        assert_eq!(d.decode(&bytes[..2]), "h");
        assert_eq!(d.decode(&bytes[2..]), "éllo");
        assert_eq!(d.decode(&[0xff, b'a']), "\u{fffd}a");
    }
}
