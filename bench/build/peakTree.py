#!/usr/bin/env python3
# Runs a command; every 0.2 s sums VmRSS (/proc/<pid>/status) of it and all its descendants (the build, its
# format worker threads are inside node, the Apex parser JVM and its watchdog shell); prints the peak of that
# sum, the processes at the peak, wall seconds, exit code and the 1-minute load average at the end (stderr).
import subprocess, sys, time, os
def kids():
    m = {}
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                with open(f'/proc/{p}/stat') as f: s = f.read()
                ppid = int(s.rsplit(')',1)[1].split()[1]); m.setdefault(ppid, []).append(int(p))
            except Exception: pass
    return m
def rss(pid):
    try:
        for l in open(f'/proc/{pid}/status'):
            if l.startswith('VmRSS:'): return int(l.split()[1])
    except Exception: pass
    return 0
t=time.time(); proc = subprocess.Popen(sys.argv[1:]); peak=0; peakn=0; peakparts=[]
while proc.poll() is None:
    m = kids(); todo=[proc.pid]; tot=0; n=0
    parts=[]
    while todo:
        p=todo.pop(); r=rss(p); tot+=r; n+=1; todo+=m.get(p,[])
        try: parts.append((open(f'/proc/{p}/comm').read().strip(), r//1024))
        except Exception: pass
    if tot>peak: peak, peakn, peakparts = tot, n, [x for x in parts if x[1] > 5]
    time.sleep(0.2)
print(f'peak-tree-rss-mb {peak/1024:.0f} procs {peakn} wall {time.time()-t:.2f} rc {proc.returncode} load {os.getloadavg()[0]:.1f} at-peak {peakparts}', file=sys.stderr)
sys.exit(proc.returncode)
