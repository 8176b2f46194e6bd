# A client of the file download of seeds/004, of the seed's kind: it reads the menu, asks
# which file, sends the index, and writes the file back from the Python literal
# [name, lines] it receives. It reads to the end of the stream (the seed's client reads one
# recv(2048)) and uses ast.literal_eval (the seed's client uses eval).
#
# Usage: python3 -u run_seed_client.py file_client.py PORT OUTPUT_FOLDER
import ast
import os
import socket
import sys

port = 50000
host = 'localhost'

sockobj = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockobj.connect((host, port))

menu = sockobj.recv(1024).decode()
user = input(menu)
sockobj.send(user.encode())
print()

data = b''
while True:
    chunk = sockobj.recv(2048)
    if not chunk:
        break
    data += chunk

reply = data.decode()
try:
    name, lines = ast.literal_eval(reply)
except (ValueError, SyntaxError):
    print(reply)
    sys.exit(1)

os.makedirs(sys.argv[1], exist_ok=True)
with open(os.path.join(sys.argv[1], name), 'w', encoding='utf-8', newline='') as out:
    out.writelines(lines)
print('arquivo salvo:', name)
