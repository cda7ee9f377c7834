"""benchmarks/proccpu.py sums a process tree's CPU: a child and a grandchild that burn known CPU.

Not timing-sensitive: each burner spins until its own CPU clock says it burned
BURN_S, and the test asserts only that at least most of that is accounted for
(10 ms kernel ticks, start-up before the first sample), never wall times.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from benchmarks import proccpu

BURN_S = 0.4

# A named thread (its comm set through /proc) burns BURN_S in the child, then the child
# starts a grandchild that burns BURN_S, waits for it, and waits on stdin until told to
# end: both stay alive (and in the tree) until the second sample is taken.
BURNER = textwrap.dedent(f"""
    import subprocess, sys, threading, time

    def burn():
        end = time.thread_time() + {BURN_S}
        while time.thread_time() < end:
            pass

    if sys.argv[1:] == ["grandchild"]:
        burn()
        print("burned", flush=True)
        sys.stdin.readline()
        sys.exit()

    def named_burner():
        with open(f"/proc/self/task/{{threading.get_native_id()}}/comm", "w") as comm:
            comm.write("burner")
        burn()

    thread = threading.Thread(target=named_burner)
    thread.start()
    thread.join()  # the thread has ended: its CPU stays in the process's own stat
    grandchild = subprocess.Popen([sys.executable, "-c", sys.argv[1], "grandchild"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert grandchild.stdout.readline().strip() == "burned"
    print(grandchild.pid, flush=True)
    sys.stdin.readline()
    grandchild.stdin.write("end\\n")
    grandchild.stdin.flush()
    grandchild.wait()
""")


def test_tree_cpu_counts_child_grandchild_and_ended_threads() -> None:
    with subprocess.Popen([sys.executable, "-c", BURNER, BURNER], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdin is not None
        try:
            before = proccpu.sample(child.pid)
            grandchild = int(child.stdout.readline())
            after = proccpu.sample(child.pid)
            used = proccpu.usage(before, after)
        finally:
            child.stdin.write("end\n")
            child.stdin.flush()
            child.wait(30)

    pids = {task.pid for task in after.processes.values()}
    assert pids == {child.pid, grandchild}
    assert used.cpu_s >= 2 * BURN_S * 0.8
    by_pid = {task.pid: task.ticks for task in after.processes.values()}
    assert by_pid[grandchild] / proccpu.TICKS >= BURN_S * 0.8  # started inside the window
    assert sum(c.cpu_s for c in used.processes) == used.cpu_s
    # The child's named thread had ended by the second sample: its CPU is in the child
    # process's figure but no longer listed as a thread; the grandchild's threads are.
    assert all(c.name != "burner" for c in used.threads)
    assert sum(c.cpu_s for c in used.threads) >= BURN_S * 0.8
    assert used.main_switches >= 1  # the child's main thread waited (a voluntary switch)


def test_named_thread_is_listed_while_alive() -> None:
    script = textwrap.dedent(f"""
        import sys, threading, time
        def work():
            with open(f"/proc/self/task/{{threading.get_native_id()}}/comm", "w") as comm:
                comm.write("burner")
            end = time.thread_time() + {BURN_S}
            while time.thread_time() < end:
                pass
            print("burned", flush=True)
            sys.stdin.readline()
        threading.Thread(target=work).start()
    """)
    with subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdin is not None
        try:
            before = proccpu.sample(child.pid)
            assert child.stdout.readline().strip() == "burned"
            used = proccpu.usage(before, proccpu.sample(child.pid))
        finally:
            child.stdin.write("end\n")
            child.stdin.flush()
            child.wait(30)
    burner = [c for c in used.threads if c.name == "burner"]
    assert len(burner) == 1 and burner[0].count == 1
    assert burner[0].cpu_s >= BURN_S * 0.8
    assert used.threads[0].name == "burner"  # the top consumer
