#!/usr/bin/python3
"""volatilefs: a FUSE layer that forgets unsynced writes on a power cut, as LazyFS does.

Usage: volatilefs.py BACKING MOUNTPOINT CONTROL

Serves BACKING at MOUNTPOINT (in the foreground; it prints "MOUNTED" once it serves). What a
program writes to a file, and a file's truncations, stay in this process's memory, page by page,
until the file is fsynced (fsync or fdatasync on any descriptor of it): only then do they reach
BACKING, which stands for the disk. Reads see the unsynced pages, as they would see the kernel's
page cache. Closing a file makes nothing durable, as on Linux, where close() does not write back.

The power cut is `kill -9` of this process: every unsynced page dies with it, and the mount is
then taken away with `fusermount -u -z MOUNTPOINT`. Mounting BACKING again shows what a machine
would find after its power came back, had the disk kept exactly what was fsynced.

Metadata (create, mkdir, rename, unlink, chmod) goes to BACKING at once, so it survives a cut
even without an fsync of its folder: more forgiving than ext4, whose folder changes can be lost
until the folder is fsynced. A file's size is data here: an append or a truncation not fsynced
is lost. Pages are 4096 bytes, and a cut drops whole pages, never part of one; a real disk may tear
a write within a sector or keep a later write and lose an earlier one, which this layer never does.

CONTROL is a file (outside the mount) read again whenever it changes; write a new file and rename
it into place, so that no read sees it half-written. Each line is one fault:
  write ENOSPC [PART]   every write fails with ENOSPC (a full disk: statfs then reports no free
                        space), or EIO with "write EIO"
  fsync EIO [PART]      every fsync fails with EIO
PART, when given, limits the fault to files whose path contains it (".seg" for the journal's
segments, "db-wal" for SQLite's write-ahead log). An empty or missing file means no fault. A
failed write keeps nothing; a failed fsync leaves the pages unsynced (Linux may drop them
instead; Chamada's journal writer stops at the first failure either way).
"""

import errno
import os
import sys
import threading

from fusepy import FUSE, FuseOSError, Operations

PAGE = 4096


class Unsynced:
    """The unsynced state of one file: its size and the pages written since its last fsync."""

    def __init__(self, size):
        self.size = size
        # Backing bytes at or past this offset were cut off by a truncation: they read as zeros.
        self.floor = size
        self.pages = {}


class VolatileFs(Operations):

    # Not served here: the kernel then keeps fcntl locks itself, as SQLite and Chamada's lock file need.
    lock = None

    def __init__(self, backing, control):
        self.backing = os.path.realpath(backing)
        self.control = control
        self.control_stamp = None
        self.faults = []
        # One lock for everything: simple and enough for a test's load, and pages are never seen half changed.
        self.guard = threading.Lock()
        self.unsynced = {}

    def _full(self, path):
        return os.path.join(self.backing, path.lstrip('/'))

    def _refresh(self):
        # The inode and size too: a file rewritten within one tick of a coarse clock keeps its
        # mtime. Writers rename a whole new file into place, so a new inode is a whole file.
        try:
            status = os.stat(self.control)
            stamp = (status.st_ino, status.st_size, status.st_mtime_ns)
        except FileNotFoundError:
            stamp = None
        if stamp != self.control_stamp:
            self.control_stamp = stamp
            lines = open(self.control).read().splitlines() if stamp is not None else []
            self.faults = [line.split() for line in lines if line.strip()]

    def _fault(self, op, path):
        self._refresh()
        for fault in self.faults:
            if fault[0] == op and (len(fault) < 3 or fault[2] in path):
                raise FuseOSError(getattr(errno, fault[1]))

    def _state(self, path, fh):
        state = self.unsynced.get(path)
        if state is None:
            state = Unsynced(os.fstat(fh).st_size)
            self.unsynced[path] = state
        return state

    def _backing_page(self, state, fh, number):
        start = number * PAGE
        wanted = max(0, min(PAGE, state.floor - start))
        data = os.pread(fh, wanted, start) if wanted else b''
        return bytearray(data.ljust(PAGE, b'\0'))

    def _page(self, state, fh, number):
        page = state.pages.get(number)
        if page is None:
            page = self._backing_page(state, fh, number)
            state.pages[number] = page
        return page

    def _truncate(self, state, fh, length):
        if length < state.size:
            state.floor = min(state.floor, length)
            for number in [n for n in state.pages if n * PAGE >= length]:
                del state.pages[number]
            if length % PAGE:
                page = self._page(state, fh, length // PAGE)
                page[length % PAGE:] = bytes(PAGE - length % PAGE)
        state.size = length

    # Files: data goes to the unsynced pages, an fsync moves them to BACKING.

    def open(self, path, flags):
        truncate = flags & os.O_TRUNC
        # Always read-write, so that unsynced pages can be filled from BACKING and written back by any descriptor.
        fh = os.open(self._full(path), (flags & ~(os.O_ACCMODE | os.O_TRUNC | os.O_APPEND)) | os.O_RDWR)
        if truncate:
            with self.guard:
                self._truncate(self._state(path, fh), fh, 0)
        return fh

    def create(self, path, mode, fi=None):
        fh = os.open(self._full(path), os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)
        with self.guard:
            self.unsynced.pop(path, None)
        return fh

    def read(self, path, size, offset, fh):
        with self.guard:
            state = self.unsynced.get(path)
            if state is None:
                return os.pread(fh, size, offset)
            end = min(offset + size, state.size)
            out = bytearray()
            position = offset
            while position < end:
                number, within = divmod(position, PAGE)
                page = state.pages.get(number) or self._backing_page(state, fh, number)
                take = min(PAGE - within, end - position)
                out += page[within:within + take]
                position += take
            return bytes(out)

    def write(self, path, data, offset, fh):
        with self.guard:
            self._fault('write', path)
            state = self._state(path, fh)
            position = offset
            done = 0
            while done < len(data):
                number, within = divmod(position, PAGE)
                take = min(PAGE - within, len(data) - done)
                self._page(state, fh, number)[within:within + take] = data[done:done + take]
                position += take
                done += take
            state.size = max(state.size, offset + len(data))
            return len(data)

    def truncate(self, path, length, fh=None):
        with self.guard:
            if fh is None:
                descriptor = os.open(self._full(path), os.O_RDWR)
                try:
                    self._truncate(self._state(path, descriptor), descriptor, length)
                finally:
                    os.close(descriptor)
            else:
                self._truncate(self._state(path, fh), fh, length)

    def fsync(self, path, datasync, fh):
        with self.guard:
            self._fault('fsync', path)
            state = self.unsynced.pop(path, None)
            if state is not None:
                for number, page in state.pages.items():
                    start = number * PAGE
                    if start < state.size:
                        os.pwrite(fh, bytes(page[:state.size - start]), start)
                os.ftruncate(fh, state.size)
            os.fsync(fh)

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        os.close(fh)

    def getattr(self, path, fh=None):
        st = os.lstat(self._full(path))
        attrs = {key: getattr(st, key) for key in ('st_atime', 'st_ctime', 'st_gid', 'st_mode', 'st_mtime',
                                                    'st_nlink', 'st_size', 'st_uid', 'st_blocks')}
        with self.guard:
            state = self.unsynced.get(path)
            if state is not None:
                attrs['st_size'] = state.size
        return attrs

    # Metadata: straight to BACKING, so it survives a cut (see the header).

    def unlink(self, path):
        os.unlink(self._full(path))
        with self.guard:
            self.unsynced.pop(path, None)

    def rename(self, old, new):
        os.rename(self._full(old), self._full(new))
        with self.guard:
            self.unsynced.pop(new, None)
            if old in self.unsynced:
                self.unsynced[new] = self.unsynced.pop(old)

    def mkdir(self, path, mode):
        os.mkdir(self._full(path), mode)

    def rmdir(self, path):
        os.rmdir(self._full(path))

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self._full(path))

    def fsyncdir(self, path, datasync, fh):
        return 0

    def chmod(self, path, mode):
        os.chmod(self._full(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self._full(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self._full(path), times)

    def access(self, path, amode):
        if not os.access(self._full(path), amode):
            raise FuseOSError(errno.EACCES)

    def statfs(self, path):
        st = os.statvfs(self._full(path))
        attrs = {key: getattr(st, key) for key in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail',
                                                    'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}
        with self.guard:
            self._refresh()
            if any(fault[:2] == ['write', 'ENOSPC'] for fault in self.faults):
                # A full disk says so to whoever asks for the free space too.
                attrs['f_bavail'] = attrs['f_bfree'] = 0
        return attrs


class Announcing(VolatileFs):
    """Says MOUNTED once the kernel has asked its first question: the mount is then served."""

    def init(self, path):
        print('MOUNTED', flush=True)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    FUSE(Announcing(sys.argv[1], sys.argv[3]), sys.argv[2], foreground=True, nothreads=False)
