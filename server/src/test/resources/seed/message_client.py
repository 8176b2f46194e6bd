# A client of the messages of seeds/003, in the framing of the Tech with Tim tutorial it
# cites: a 64-byte header with the length in ASCII digits padded with spaces, then the
# UTF-8 message; it prints each reply, and ends with !DISCONNECT.
#
# Usage: python3 -u run_seed_client.py message_client.py PORT MESSAGE...
import socket
import sys

HEADER = 64
PORT = 5051
FORMAT = 'utf-8'
DISCONNECT_MESSAGE = '!DISCONNECT'
SERVER = socket.gethostbyname(socket.gethostname())
ADDR = (SERVER, PORT)

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(ADDR)


def send(msg):
    message = msg.encode(FORMAT)
    msg_length = len(message)
    send_length = str(msg_length).encode(FORMAT)
    send_length += b' ' * (HEADER - len(send_length))
    client.send(send_length)
    client.send(message)
    print(client.recv(2048).decode(FORMAT))


for text in sys.argv[1:]:
    send(text)
send(DISCONNECT_MESSAGE)
