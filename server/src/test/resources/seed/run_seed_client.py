"""Runs one of the seeds' Python clients, unchanged, against a Chamada test server.

Usage: python3 -u run_seed_client.py SCRIPT PORT [ARG...]

The seed clients connect to socket.gethostbyname(socket.gethostname()) on a fixed port
(5050 for the roll call). Before running SCRIPT this makes gethostbyname answer 127.0.0.1
and sends every connect to 127.0.0.1:PORT, the test server's free port, so tests only
ever talk to loopback and the script itself is not edited. ARGs are the script's own.
"""
import runpy
import socket
import sys

script, port = sys.argv[1], int(sys.argv[2])

socket.gethostbyname = lambda name: '127.0.0.1'
_connect = socket.socket.connect


def _connect_to_test_server(self, address):
    return _connect(self, ('127.0.0.1', port))


socket.socket.connect = _connect_to_test_server
sys.argv = [script] + sys.argv[3:]
runpy.run_path(script, run_name='__main__')
