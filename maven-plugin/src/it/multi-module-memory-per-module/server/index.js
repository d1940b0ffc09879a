const { Server } = require("socket.io");

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:message", (message) => io.emit("chat:message", message));
  socket.on("chat:typing", (who) => socket.broadcast.emit("chat:typing", who));
});
