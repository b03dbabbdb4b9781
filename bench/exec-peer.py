# The peer of exec_rtt_ratio: `docker -H <engine> exec -it <container> sh` driven through a pty, as a person's
# terminal drives it. Writes one `x` at a time and times until its echo comes back; prints the times (ms) as JSON.
import json, os, pty, select, sys, time

host, container, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    os.execvp("docker", ["docker", "-H", host, "exec", "-it", container, "sh"])

seen = b""


def read_until(done, timeout=20.0):
    global seen
    deadline = time.monotonic() + timeout
    while not done(seen):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            sys.exit("[exec-peer] timed out; the pty shows: %r" % seen[-300:])
        seen += os.read(fd, 65536)


def settle(seconds=0.1):
    global seen
    deadline = time.monotonic() + seconds
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return
        seen += os.read(fd, 65536)


read_until(lambda text: b"# " in text)
settle()
times = []
for index in range(count):
    before = seen.count(b"x")
    start = time.perf_counter()
    os.write(fd, b"x")
    read_until(lambda text: text.count(b"x") > before)
    times.append((time.perf_counter() - start) * 1000)
    if index % 30 == 29:
        # Ctrl-U clears the line before it wraps (a wrap redraws the line).
        os.write(fd, b"\x15")
        settle()
os.write(fd, b"\x15exit\r")
try:
    settle(0.5)
except OSError:
    pass  # the pty closes (EIO) once the CLI exits
os.waitpid(pid, 0)
print(json.dumps(times))
